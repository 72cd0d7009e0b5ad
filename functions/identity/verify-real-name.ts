import { personSubjectKey } from '../credit/credit.types';
import type { Clock } from '../shared/domain/clock';
import { hashIdNumber } from '../shared/domain/id-hash';
import { ID_NUMBER_MESSAGES, idNumberProblem, maskIdNumber } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import type { Log } from '../shared/log/logger';
import { SENSITIVE_PI_CONSENT } from './consent-documents';
import { assertCurrentConsent } from './consents';
import type { IdentityVerifier } from './identity-verification';
import type { IdentityRepository } from './identity.repository';
import type { RealNameAttempts } from './real-name-attempts.repository';

export { SENSITIVE_PI_CONSENT };

/** Failed attempts (invalid number, mismatch, number taken) an account may make per China day. */
export const REAL_NAME_FAILURES_PER_DAY = 5;

export interface VerifyRealNameDeps {
  identities: IdentityRepository;
  identityVerifier: IdentityVerifier;
  realNameAttempts: RealNameAttempts;
  clock: Clock;
  idHashPepper: string;
}

const rateLimited = () =>
  new AppError(429, 'RATE_LIMITED', `今日实名认证失败已达 ${REAL_NAME_FAILURES_PER_DAY} 次，请明天再试；如有疑问请联系区信用中心`);

/**
 * A resident verifies their real name and consents to the processing of sensitive personal
 * information; only then are their points computed and shown.
 * 1. The consent version must be the current text's (409 CONSENT_OUTDATED otherwise).
 * 2. Validate the ID number's structure: province code, birth date (real, from 1900, not in the
 *    future), check character. An invalid number counts as a failed attempt (400 INVALID_ID_NUMBER).
 * 3. An account already verified stops here (409 ALREADY_VERIFIED), before any paid check.
 * 4. Rate limit: reserve one of today's 5 failure slots (429 RATE_LIMITED when none is left).
 * 5. Ask the identity-verification service whether name and number belong together: a mismatch
 *    keeps the slot (422 IDENTITY_MISMATCH); no answer gives it back (503
 *    IDENTITY_SERVICE_UNAVAILABLE). Either way nothing is stored.
 * 6. Hash the number with the pepper (the number itself is kept nowhere, not even in logs) and, in
 *    one transaction, claim it for this account, mark the user verified with the masked number and
 *    credit subject, and store the consent. A number another account holds keeps the slot
 *    (409 ID_NUMBER_TAKEN); success gives it back.
 * 7. Records departments sent before the resident signed up are keyed by the same hash: they
 *    attach by themselves.
 */
export async function verifyRealName(
  deps: VerifyRealNameDeps,
  userId: string,
  input: { name: string; idNumber: string; consentVersion: string },
  log?: Log,
): Promise<{ realNameVerified: true; maskedIdNumber: string; name: string }> {
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  assertCurrentConsent(input.consentVersion);

  const idNumber = input.idNumber.trim().toUpperCase();
  const problem = idNumberProblem(idNumber, now);
  if (problem) {
    await deps.realNameAttempts.countFailure(userId, nowSeconds);
    throw new AppError(400, 'INVALID_ID_NUMBER', ID_NUMBER_MESSAGES[problem], [{ field: 'idNumber', message: ID_NUMBER_MESSAGES[problem], code: problem }]);
  }

  const user = await deps.identities.getUser(userId);
  if (user?.realNameVerifiedAt) throw new AppError(409, 'ALREADY_VERIFIED', '您已完成实名认证');

  if (!(await deps.realNameAttempts.reserve(userId, nowSeconds, REAL_NAME_FAILURES_PER_DAY))) throw rateLimited();
  let failed = false;
  try {
    const check = await deps.identityVerifier.verify({ name: input.name, idNumber }, log);
    if (check === 'unavailable') {
      throw new AppError(503, 'IDENTITY_SERVICE_UNAVAILABLE', '身份核验服务暂时不可用，请稍后重试（本次不计入失败次数）');
    }
    if (check === 'mismatch') {
      failed = true;
      throw new AppError(422, 'IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重试');
    }

    const idHash = hashIdNumber(idNumber, deps.idHashPepper);
    const maskedIdNumber = maskIdNumber(idNumber);
    const outcome = await deps.identities.verifyRealName(
      userId,
      { name: input.name, idHash, maskedIdNumber, subjectKey: personSubjectKey(idHash), at: now.toISOString() },
      { type: SENSITIVE_PI_CONSENT.type, version: SENSITIVE_PI_CONSENT.version },
    );
    if (outcome === 'already-verified') throw new AppError(409, 'ALREADY_VERIFIED', '您已完成实名认证');
    if (outcome === 'id-taken') {
      failed = true;
      throw new AppError(409, 'ID_NUMBER_TAKEN', '该身份证号码已被其他账号认证，如有疑问请联系信用中心');
    }
    return { realNameVerified: true, maskedIdNumber, name: input.name };
  } finally {
    // A lost release only makes the limit stricter for the rest of the day: never worth failing the answer.
    if (!failed) await deps.realNameAttempts.release(userId, nowSeconds).catch(() => log?.warn('real-name attempt slot not released'));
  }
}
