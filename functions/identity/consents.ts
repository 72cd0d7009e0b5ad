import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { CONSENT_OUTDATED_MESSAGE, CONSENT_TITLES, SENSITIVE_PI_CONSENT } from './consent-documents';
import type { IdentityRepository } from './identity.repository';

export { CONSENT_TITLES };

/**
 * The version the resident sends must be the current text's: an older one means they read words
 * that are no longer the ones in force (409, with the current version so the page can reload it).
 */
export function assertCurrentConsent(version: string): void {
  if (version !== SENSITIVE_PI_CONSENT.version) {
    throw new AppError(409, 'CONSENT_OUTDATED', CONSENT_OUTDATED_MESSAGE, { currentVersion: SENSITIVE_PI_CONSENT.version });
  }
}

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
  assertCurrentConsent(version);
  const user = await deps.identities.getUser(userId);
  if (!user?.realNameVerifiedAt) throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证');
  if (!user.consentWithdrawnAt) throw new AppError(409, 'ALREADY_GRANTED', '授权仍然有效，无需重复授权');
  const at = deps.clock.now().toISOString();
  await deps.identities.grantConsent(userId, { type: SENSITIVE_PI_CONSENT.type, version: SENSITIVE_PI_CONSENT.version }, at);
  return { type: SENSITIVE_PI_CONSENT.type, title: CONSENT_TITLES[SENSITIVE_PI_CONSENT.type], version, grantedAt: at, active: true };
}
