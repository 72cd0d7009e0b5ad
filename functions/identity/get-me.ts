import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import type { IdentityRepository } from './identity.repository';
import type { MeResponse } from './identity.schemas';

/**
 * The signed-in user's own profile.
 * 1. Load the user (a token for a deleted user is no longer a valid session).
 * 2. Load their organisation, if any.
 * 3. Return the profile; the ID number only ever appears masked.
 */
export async function getMe(deps: { identities: IdentityRepository }, principal: Principal): Promise<MeResponse> {
  const user = await deps.identities.getUser(principal.userId);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  const org = user.orgId ? await deps.identities.getOrg(user.orgId) : null;
  return {
    user: {
      id: user.id,
      name: user.name,
      roles: user.roles,
      ...(user.orgId ? { orgId: user.orgId } : {}),
      ...(org ? { org: { id: org.id, name: org.name, type: org.type } } : {}),
      realNameVerified: Boolean(user.realNameVerifiedAt),
      ...(user.maskedIdNumber ? { maskedIdNumber: user.maskedIdNumber } : {}),
    },
  };
}
