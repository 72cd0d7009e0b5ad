import { STAFF_ROLES, type Principal, type Role } from '../shared/auth/roles';
import { AppError, errors } from '../shared/http/app-error';
import { readSessionState, type SessionState } from './session-state.repository';

/**
 * What a verified token may still do, given the stored account (pure).
 * - A signed-out token, or one of a deleted account, is no session: 401.
 * - Roles are those the token names and the account still holds; staff roles also need the
 *   token's organisation to be the account's organisation now, so a member removed from an
 *   organisation (or moved to another) loses that role on their very next call.
 * - The organisation's status and the manager flag come from the stored data, never the token.
 */
export function reconcilePrincipal(token: Principal, state: SessionState): Principal {
  if (state.revoked) throw errors.unauthenticated('您已退出登录，请重新登录');
  if (!state.user) throw errors.unauthenticated('账号不存在，请重新登录');
  const sameOrg = token.orgId !== undefined && token.orgId === state.user.orgId;
  // A business's user without a business yet carries no organisation; with one, it must still be theirs.
  const orgBound = (r: Role) => STAFF_ROLES.includes(r) || (r === 'enterprise' && token.orgId !== undefined);
  const roles = token.roles.filter((r) => state.user!.roles.includes(r) && (!orgBound(r) || sameOrg));
  return {
    userId: token.userId,
    roles,
    ...(sameOrg ? { orgId: token.orgId } : {}),
    ...(token.sessionId ? { sessionId: token.sessionId } : {}),
    ...(token.sessionExpiresAt ? { sessionExpiresAt: token.sessionExpiresAt } : {}),
    manager: sameOrg && state.user.manager === true,
    ...(sameOrg && state.org ? { orgStatus: state.org.status } : {}),
    ...(token.subjectKey && token.subjectKey === state.user.subjectKey ? { subjectKey: token.subjectKey } : {}),
    account: {
      ...(state.user.orgId ? { orgId: state.user.orgId } : {}),
      ...(state.user.name ? { name: state.user.name } : {}),
      ...(state.user.realNameVerifiedAt ? { realNameVerifiedAt: state.user.realNameVerifiedAt } : {}),
      ...(state.user.subjectKey ? { subjectKey: state.user.subjectKey } : {}),
      ...(state.user.consentWithdrawnAt ? { consentWithdrawnAt: state.user.consentWithdrawnAt } : {}),
    },
  };
}

/**
 * Confirms a request's token against the account, in one consistent batched read.
 * 1. Read the account, its organisation, the token's sign-out marker and the catalogue versions
 *    together (session-state.repository.ts).
 * 2. Reconcile the token's claims with them (reconcilePrincipal); the account's real-name state
 *    and name travel on with the principal.
 */
export async function confirmSession(deps: { config: { tableName: string } }, token: Principal, options: { catalogueVersions?: boolean } = {}): Promise<Principal> {
  if (!token.sessionId) throw new AppError(401, 'UNAUTHENTICATED', '登录凭证无效，请重新登录');
  const state = await readSessionState(deps.config.tableName, token.userId, token.orgId, token.sessionId, options.catalogueVersions !== false);
  return reconcilePrincipal(token, state);
}
