import type { TokenService } from '../shared/auth/tokens';
import { epochSeconds, type Clock } from '../shared/domain/clock';
import type { AuthResponse } from './identity.schemas';
import type { User } from './identity.types';

/** Turns a known user into a signed session: the token and the user as the app shows them. */
export async function issueSession(tokens: TokenService, clock: Clock, user: User): Promise<AuthResponse> {
  const { token, expiresAt } = await tokens.issue(
    // A verified resident's token names their credit subject: their points are read beside the session's confirmation.
    { userId: user.id, roles: user.roles, ...(user.orgId ? { orgId: user.orgId } : {}), ...(user.subjectKey ? { subjectKey: user.subjectKey } : {}) },
    epochSeconds(clock),
  );
  return {
    token,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    user: { id: user.id, name: user.name, roles: user.roles, ...(user.orgId ? { orgId: user.orgId } : {}) },
  };
}
