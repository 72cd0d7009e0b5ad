import { randomUUID } from 'node:crypto';
import { backoff } from '../shared/db/models';
import type { TokenService } from '../shared/auth/tokens';
import type { Clock } from '../shared/domain/clock';
import type { IdentityRepository } from './identity.repository';
import type { AuthResponse } from './identity.schemas';
import type { User } from './identity.types';
import { issueSession } from './issue-session';
import type { WechatClient } from './wechat.client';

/**
 * Signs a mini-program user in with the code from `wx.login`.
 * 1. Exchange the code with WeChat's code2Session for the openid (the session_key is dropped).
 * 2. Find the user bound to that openid.
 * 3. If there is none, create a resident and bind the openid in one transaction; if a
 *    concurrent first login won the race (or was still writing), use the user it created.
 * 4. Issue a session token.
 */
export async function loginWithWechat(
  deps: { wechat: WechatClient; identities: IdentityRepository; tokens: TokenService; clock: Clock },
  code: string,
): Promise<AuthResponse> {
  const { openid } = await deps.wechat.code2Session(code);

  let userId = await deps.identities.findUserIdByOpenid(openid);
  for (let attempt = 0; !userId && attempt < 6; attempt++) {
    const user: User = {
      id: `u-${randomUUID()}`,
      name: '微信用户',
      roles: ['resident'],
      createdAt: deps.clock.now().toISOString(),
    };
    const created = await deps.identities.createUserWithWechatIdentity(user, openid);
    userId = created ? user.id : await deps.identities.findUserIdByOpenid(openid);
    if (!userId) await backoff(attempt);
  }
  const user = userId ? await deps.identities.getUser(userId) : null;
  if (!user) throw new Error('WeChat identity points to a missing user');
  return issueSession(deps.tokens, deps.clock, user);
}
