import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { IncentivesRepository } from './incentives.repository';
import { isPassId } from './pass-codec';
import type { PassStatusResponse } from './incentives.schemas';

/**
 * The state of one of the resident's own passes, polled by the pass screen so it can turn to
 * 「已核验」 within seconds of a merchant redeeming it.
 * 1. Load the pass record and its redemption (keyed by the pass and this resident: one read);
 *    another resident's pass is reported as not found.
 * 2. used → when and where; refused (a merchant scanned it and was told only the verdict) → why,
 *    where and when; otherwise active or expired by the clock.
 */
export async function getPassStatus(deps: { incentives: IncentivesRepository; clock: Clock }, userId: string, passId: string): Promise<PassStatusResponse> {
  if (!isPassId(passId)) throw errors.notFound('凭证不存在');
  const { pass, redemption } = await deps.incentives.passWithRedemption(passId, userId);
  if (!pass || pass.residentUserId !== userId) throw errors.notFound('凭证不存在');
  const expiresAt = new Date(pass.expiresAt * 1000).toISOString();
  if (redemption) return { status: 'used', expiresAt, redeemedAt: redemption.redeemedAt, merchantName: redemption.orgName };
  if (pass.refusal) return { status: 'refused', expiresAt, merchantName: pass.refusal.merchantName, refusal: pass.refusal };
  return { status: deps.clock.now().getTime() >= pass.expiresAt * 1000 ? 'expired' : 'active', expiresAt };
}
