import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import type { IdentityRepository } from './identity.repository';
import { SENSITIVE_PI_CONSENT } from './verify-real-name';

export const CONSENT_TITLES: Record<string, string> = { 'sensitive-pi': '个人敏感信息处理授权书' };

export interface ConsentView {
  type: string;
  title: string;
  version: string;
  grantedAt: string;
  withdrawnAt?: string;
  active: boolean;
}

/** The consents the resident has given, newest first, with whether each is in force. */
export async function listConsents(deps: { identities: IdentityRepository }, userId: string): Promise<{ items: ConsentView[]; nextCursor: null }> {
  const items = (await deps.identities.listConsents(userId)).map((c) => ({
    type: c.type,
    title: CONSENT_TITLES[c.type] ?? c.type,
    version: c.version,
    grantedAt: c.grantedAt,
    ...(c.withdrawnAt ? { withdrawnAt: c.withdrawnAt } : {}),
    active: !c.withdrawnAt,
  }));
  return { items, nextCursor: null };
}

/**
 * The resident withdraws consent (PIPL art. 15): from then on their points are neither computed
 * nor shown, and incentives that need them are unavailable, until they consent again.
 */
export async function withdrawConsent(deps: { identities: IdentityRepository; clock: Clock }, userId: string): Promise<ConsentView> {
  const active = (await deps.identities.listConsents(userId)).find((c) => c.type === SENSITIVE_PI_CONSENT.type && !c.withdrawnAt);
  if (!active) throw errors.notFound('没有可撤回的授权');
  const at = deps.clock.now().toISOString();
  if (!(await deps.identities.withdrawConsent(userId, active.sk, at))) throw new AppError(409, 'ALREADY_WITHDRAWN', '该授权已撤回');
  return { type: active.type, title: CONSENT_TITLES[active.type], version: active.version, grantedAt: active.grantedAt, withdrawnAt: at, active: false };
}

/** A verified resident who withdrew consents again to the current version. */
export async function grantConsent(deps: { identities: IdentityRepository; clock: Clock }, userId: string, version: string): Promise<ConsentView> {
  if (version !== SENSITIVE_PI_CONSENT.version) throw new AppError(409, 'CONSENT_OUTDATED', '授权书已更新，请重新阅读并同意最新版本');
  const user = await deps.identities.getUser(userId);
  if (!user?.realNameVerifiedAt) throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证');
  if (!user.consentWithdrawnAt) throw new AppError(409, 'ALREADY_GRANTED', '授权仍然有效，无需重复授权');
  const at = deps.clock.now().toISOString();
  await deps.identities.grantConsent(userId, SENSITIVE_PI_CONSENT, at);
  return { type: SENSITIVE_PI_CONSENT.type, title: CONSENT_TITLES[SENSITIVE_PI_CONSENT.type], version, grantedAt: at, active: true };
}
