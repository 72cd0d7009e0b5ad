import type { IdentityRepository } from '../identity/identity.repository';
import type { Account } from '../shared/auth/roles';
import { AppError, errors } from '../shared/http/app-error';

/** The verified resident's credit subject; unverified residents get nothing computed. */
export async function residentSubject(identities: IdentityRepository, userId: string): Promise<string> {
  const user = await identities.getUser(userId);
  if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
  return subjectOfAccount(user);
}

/** The same, from the account as the session's confirmation read it (no read of its own). */
export function subjectOfAccount(user: Account): string {
  if (!user.realNameVerifiedAt || !user.subjectKey) {
    throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证并同意个人信息处理授权，才能查看信用积分');
  }
  if (user.consentWithdrawnAt) {
    throw new AppError(403, 'CONSENT_WITHDRAWN', '您已撤回个人敏感信息处理授权，积分暂停计算和展示；重新授权后即可恢复');
  }
  return user.subjectKey;
}
