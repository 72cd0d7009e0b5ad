import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { mayManage } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';

/**
 * Revokes an open invitation of the organisation.
 * 1. Only the centre or that organisation's manager → 404.
 * 2. Revoke it only while open and the organisation's → else 404 (unknown) or 409 INVITATION_USED.
 */
export async function revokeInvitation(deps: { orgs: OrgsRepository; clock: Clock }, caller: Principal, orgId: string, id: string): Promise<void> {
  if (!mayManage(caller, orgId)) throw errors.notFound('机构不存在');
  if (await deps.orgs.revokeInvitation(orgId, id, deps.clock.now().toISOString())) return;
  const inv = await deps.orgs.getInvitation(id);
  if (!inv || inv.orgId !== orgId) throw errors.notFound('邀请不存在');
  throw errors.conflict('INVITATION_USED', '该邀请已被使用或已撤销');
}
