import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import { pageCursor } from './org-view';
import { mayManage, staffRoleOf } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';
import type { StaffView } from './orgs.schemas';

/** An organisation's members, for the centre or that organisation's managers. */
export async function listStaff(deps: { orgs: OrgsRepository }, caller: Principal, orgId: string, q: { limit: number; cursor?: string }): Promise<{ items: StaffView[]; nextCursor: string | null }> {
  if (!mayManage(caller, orgId)) throw errors.notFound('机构不存在');
  const org = await deps.orgs.get(orgId);
  if (!org) throw errors.notFound('机构不存在');
  const role = staffRoleOf(org.type) ?? 'enterprise';
  const page = await deps.orgs.listStaff(orgId, q.limit, pageCursor.decode(q.cursor, `staff:${orgId}`));
  return {
    items: page.items.map((u) => ({ userId: u.id, name: u.staffName ?? u.name, role, manager: u.manager === true, since: u.staffSince ?? u.createdAt })),
    nextCursor: pageCursor.encode(page.last, `staff:${orgId}`),
  };
}
