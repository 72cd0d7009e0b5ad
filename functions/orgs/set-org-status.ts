import { errors } from '../shared/http/app-error';
import { toOrgView } from './org-view';
import type { OrgView } from './orgs.schemas';
import type { Deps } from './update-org';

/**
 * Suspends an organisation (with a reason) or lets it work again.
 * 1. Load it → 404; the credit centre itself cannot be suspended.
 * 2. Write the status over the version read → 409 EDIT_CONFLICT on a concurrent edit.
 * 3. A bank's products leave the marketplace with it (and come back on resuming).
 * From the next request on, every member's session sees the status (confirm-session.ts): a
 * suspended merchant cannot redeem, a suspended department cannot submit.
 */
export async function setOrgStatus(deps: Deps, orgId: string, change: { suspended: true; reason: string } | { suspended: false }): Promise<OrgView> {
  const org = await deps.orgs.get(orgId, true);
  if (!org) throw errors.notFound('机构不存在');
  if (org.type === 'centre') throw errors.conflict('CANNOT_SUSPEND_CENTRE', '信用中心不能被暂停');
  const at = deps.clock.now().toISOString();
  const status = change.suspended ? 'suspended' : 'active';
  const ok = await deps.orgs.update(orgId, { status, suspendedReason: change.suspended ? change.reason : null }, org.updatedAt, at);
  if (!ok) throw errors.conflict('EDIT_CONFLICT', '机构信息已被他人修改，请刷新后重试');
  if (org.type === 'bank') await deps.loans.setBankSuspended(orgId, change.suspended, at);
  const { suspendedReason: _previous, ...rest } = org;
  return toOrgView({ ...rest, status, ...(change.suspended ? { suspendedReason: change.reason } : {}), updatedAt: at });
}
