import type { IdentityRepository } from '../identity/identity.repository';
import type { Principal, Role } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { mayManage, staffRoleOf } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';

/**
 * The centre or a manager removes a member from the organisation.
 * 1. Only the centre or that organisation's manager → 404; nobody removes themselves → 409.
 * 2. The person must be a member of that organisation → 404.
 * 3. Take the role and the organisation from them, only while they are still its member; they
 *    stay a resident. Their existing tokens lose the role on their next call (confirm-session.ts).
 */
export async function removeStaff(
  deps: { orgs: OrgsRepository; identities: IdentityRepository; clock: Clock },
  caller: Principal,
  orgId: string,
  userId: string,
): Promise<void> {
  if (!mayManage(caller, orgId)) throw errors.notFound('机构不存在');
  if (caller.userId === userId) throw errors.conflict('CANNOT_REMOVE_SELF', '不能移除自己；请由其他管理员操作');
  const [org, user] = await Promise.all([deps.orgs.get(orgId), deps.identities.getUser(userId)]);
  if (!org || !user || user.orgId !== orgId) throw errors.notFound('该人员不在本机构');
  const staffRoles = new Set<Role>([staffRoleOf(org.type) ?? 'enterprise']);
  const left = user.roles.filter((r) => !staffRoles.has(r));
  const rolesLeft: Role[] = left.length > 0 ? left : ['resident'];
  if (!(await deps.orgs.removeMember(orgId, userId, rolesLeft, deps.clock.now().toISOString()))) throw errors.notFound('该人员不在本机构');
}
