import { personSubjectKey } from '../credit/credit.types';
import type { Clock } from '../shared/domain/clock';
import { hashIdNumber } from '../shared/domain/id-hash';
import { ID_NUMBER_MESSAGES, idNumberProblem, maskIdNumber } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import type { IdentityRepository } from './identity.repository';

export const SENSITIVE_PI_CONSENT = { type: 'sensitive-pi', version: '2026-01' } as const;

/**
 * A resident verifies their real name and consents to the processing of sensitive personal
 * information; only then are their points computed and shown.
 * 1. Check the ID number's check character (the client checks too).
 * 2. Hash it with the pepper; the number itself is not kept anywhere, not even in logs.
 * 3. In one transaction: claim the number for this account (one account per person), mark the
 *    user verified with the masked number and credit subject, store the consent.
 * 4. Records that departments sent before the resident signed up are keyed by the same hash:
 *    they attach by themselves.
 */
export async function verifyRealName(
  deps: { identities: IdentityRepository; clock: Clock; idHashPepper: string },
  userId: string,
  input: { name: string; idNumber: string; consentVersion: string },
): Promise<{ realNameVerified: true; maskedIdNumber: string; name: string }> {
  const idNumber = input.idNumber.trim().toUpperCase();
  const problem = idNumberProblem(idNumber);
  if (problem) {
    throw new AppError(400, 'INVALID_ID_NUMBER', ID_NUMBER_MESSAGES[problem], [{ field: 'idNumber', message: ID_NUMBER_MESSAGES[problem], code: problem }]);
  }
  if (input.consentVersion !== SENSITIVE_PI_CONSENT.version) {
    throw new AppError(409, 'CONSENT_OUTDATED', '授权书已更新，请重新阅读并同意最新版本');
  }
  const idHash = hashIdNumber(idNumber, deps.idHashPepper);
  const maskedIdNumber = maskIdNumber(idNumber);
  const outcome = await deps.identities.verifyRealName(
    userId,
    { name: input.name, idHash, maskedIdNumber, subjectKey: personSubjectKey(idHash), at: deps.clock.now().toISOString() },
    SENSITIVE_PI_CONSENT,
  );
  if (outcome === 'already-verified') throw new AppError(409, 'ALREADY_VERIFIED', '您已完成实名认证');
  if (outcome === 'id-taken') throw new AppError(409, 'ID_NUMBER_TAKEN', '该身份证号码已被其他账号认证，如有疑问请联系信用中心');
  return { realNameVerified: true, maskedIdNumber, name: input.name };
}
