import type { OrgType, Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import { pageCursor, toOrgView } from './org-view';
import { mayManage } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';
import type { OrgView } from './orgs.schemas';

/** The credit centre's list of organisations, newest first or by type, one page at a time. */
export async function listOrgs(deps: { orgs: OrgsRepository }, q: { type?: OrgType; status?: 'active' | 'suspended'; limit: number; cursor?: string }): Promise<{ items: OrgView[]; nextCursor: string | null }> {
  const scope = `orgs:${q.type ?? '*'}:${q.status ?? '*'}`;
  const page = await deps.orgs.list(q.type, q.limit, pageCursor.decode(q.cursor, scope), q.status);
  return { items: page.items.map(toOrgView), nextCursor: pageCursor.encode(page.last, scope) };
}

/** One organisation, for the credit centre or one of its own managers and members. */
export async function getOrg(deps: { orgs: OrgsRepository }, caller: Principal, orgId: string): Promise<OrgView> {
  if (!mayManage(caller, orgId) && caller.orgId !== orgId) throw errors.notFound('机构不存在');
  const org = await deps.orgs.get(orgId);
  if (!org) throw errors.notFound('机构不存在');
  return toOrgView(org);
}
