import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { IncentivesRepository } from './incentives.repository';
import type { PassStatusResponse } from './incentives.schemas';

/**
 * The state of one of the resident's own passes, polled by the pass screen so it can turn to
 * 「已核验」 within seconds of a merchant redeeming it.
 * 1. Load the pass record; another resident's pass is reported as not found.
 * 2. used → when and where; refused (a merchant scanned it and was told only the verdict) → why,
 *    where and when; otherwise active or expired by the clock.
 */
export async function getPassStatus(deps: { incentives: IncentivesRepository; clock: Clock }, userId: string, passId: string): Promise<PassStatusResponse> {
  const pass = await deps.incentives.getPass(passId);
  if (!pass || pass.residentUserId !== userId) throw errors.notFound('凭证不存在');
  const expiresAt = new Date(pass.expiresAt * 1000).toISOString();
  if (pass.usedAt) return { status: 'used', expiresAt, redeemedAt: pass.usedAt, ...(pass.merchantOrgName ? { merchantName: pass.merchantOrgName } : {}) };
  if (pass.refusal) return { status: 'refused', expiresAt, merchantName: pass.refusal.merchantName, refusal: pass.refusal };
  return { status: deps.clock.now().getTime() >= pass.expiresAt * 1000 ? 'expired' : 'active', expiresAt };
}
