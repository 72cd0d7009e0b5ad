import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { IdentityRepository } from './identity.repository';

/**
 * Ends the caller's session on every instance.
 * 1. Record the token's id as signed out on the account, until the moment the token would have
 *    expired anyway (the account is read by every request's confirmation: no extra read).
 * 2. From then on every request with that token is confirmed as signed out (401).
 */
export async function signOut(deps: { identities: IdentityRepository; clock: Clock }, principal: Principal): Promise<void> {
  if (!principal.sessionId || !principal.sessionExpiresAt) throw errors.unauthenticated('登录凭证无效，请重新登录');
  await deps.identities.revokeSession(principal.sessionId, principal.userId, principal.sessionExpiresAt, deps.clock.now());
}
