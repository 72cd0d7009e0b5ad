import type { TokenService } from '../shared/auth/tokens';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { DemoUserId } from './demo-identities';
import type { IdentityRepository } from './identity.repository';
import type { AuthResponse } from './identity.schemas';
import { issueSession } from './issue-session';

/**
 * Signs in as a demo identity (stages `local` and `test` only; the route does not exist elsewhere).
 * 1. Load the seeded demo user.
 * 2. Issue a session token.
 */
export async function devLogin(
  deps: { identities: IdentityRepository; tokens: TokenService; clock: Clock },
  userId: DemoUserId,
): Promise<AuthResponse> {
  const user = await deps.identities.getUser(userId);
  if (!user) throw errors.notFound('演示账号尚未初始化，请先运行 npm start 完成数据初始化');
  return issueSession(deps.tokens, deps.clock, user);
}
