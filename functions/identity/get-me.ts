import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { IdentityRepository } from './identity.repository';
import type { MeResponse } from './identity.schemas';

/**
 * The signed-in user's own profile, as the confirmed session sees it.
 * 1. Load the user and their organisation together (a token for a deleted user is no session).
 * 2. Return the roles the session holds, the organisation they act for (with its status and, for a
 *    department, what it may feed) and whether they manage it; the ID number only ever masked.
 */
export async function getMe(deps: { identities: IdentityRepository; orgs: OrgsRepository }, principal: Principal): Promise<MeResponse> {
  const [user, org] = await Promise.all([deps.identities.getUser(principal.userId), principal.orgId ? deps.orgs.get(principal.orgId) : null]);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  return {
    user: {
      id: user.id,
      name: user.name,
      roles: principal.roles,
      ...(principal.orgId ? { orgId: principal.orgId } : {}),
      ...(org ? { org: { id: org.id, name: org.name, type: org.type, status: org.status, ...(org.suspendedReason ? { suspendedReason: org.suspendedReason } : {}) } } : {}),
      manager: principal.manager === true,
      ...(org?.feeds ? { feeds: org.feeds } : {}),
      realNameVerified: Boolean(user.realNameVerifiedAt),
      ...(user.maskedIdNumber ? { maskedIdNumber: user.maskedIdNumber } : {}),
    },
  };
}
