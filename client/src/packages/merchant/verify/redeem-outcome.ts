import { isApiError, type RedemptionResponse } from '../../../services/api';

/** What the counter sees after a pass was submitted. */
export type Outcome =
  | { kind: 'passed'; redemption: RedemptionResponse }
  /** A verdict only: the server never tells a merchant why a resident does not qualify. */
  | { kind: 'refused'; code: string; message: string; residentTold: boolean }
  /** No verdict: the network or the server failed; the same pass may be tried again. */
  | { kind: 'unfinished'; message: string; pass: string };

// The server's verdicts on a pass (API.md's order), plus a malformed body: each is a 不通过.
const VERDICTS = ['PASS_INVALID', 'PASS_EXPIRED', 'ORG_SUSPENDED', 'MERCHANT_NOT_IN_SCENARIO', 'PASS_USED', 'NOT_ELIGIBLE', 'QUOTA_EXHAUSTED', 'VALIDATION_FAILED', 'FORBIDDEN'];
// Refusals about the resident: the reasons went to the resident's own phone, not to the counter.
const TOLD_TO_RESIDENT = ['NOT_ELIGIBLE', 'QUOTA_EXHAUSTED'];

export function refusalOf(e: unknown, pass: string): Outcome {
  if (isApiError(e) && VERDICTS.includes(e.code)) {
    const message = e.code === 'VALIDATION_FAILED' ? '凭证无效：请让居民重新出示信用凭证' : e.message;
    return { kind: 'refused', code: e.code, message, residentTold: TOLD_TO_RESIDENT.includes(e.code) };
  }
  return { kind: 'unfinished', message: isApiError(e) ? e.message : '核验未完成，请重试', pass };
}

/** A pass as typed or pasted: spaces and line breaks (from copying) are not part of it. */
export const normalizePass = (raw: string) => raw.replace(/\s+/g, '');

export const PASS_LENGTH = 32;
