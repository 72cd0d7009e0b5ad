import { AppError, errors } from '../shared/http/app-error';
import { epochSeconds } from '../shared/domain/clock';
import { checkEligibility, periodKey } from './incentives.domain';
import type { IncentivesRepository } from './incentives.repository';
import type { PassResponse } from './incentives.schemas';
import type { PassCodec } from './pass-codec';
import { residentStanding } from './resident-standing';

type Deps = Parameters<typeof residentStanding>[0] & { incentives: IncentivesRepository; passes: PassCodec; passTtlSeconds: number };

/**
 * A resident asks for a pass to show at a merchant.
 * 1. Load the scenario (404 if unknown).
 * 2. Check eligibility now: standing, dates, quota and stock; refuse with every reason.
 * 3. Store the pass record binding the pass to this resident and scenario, and return the
 *    signed 32-character token, valid for a short time (60 s by default).
 */
export async function issuePass(deps: Deps, userId: string, incentiveId: string): Promise<PassResponse> {
  const incentive = await deps.incentives.get(incentiveId);
  if (!incentive) throw errors.notFound('该信易+场景不存在');
  const now = deps.clock.now();
  const [{ standing }, usage] = await Promise.all([
    residentStanding(deps, userId),
    deps.incentives.usage(userId, [{ incentiveId, period: periodKey(incentive.quota.period, now), stock: incentive.totalStock !== undefined }]),
  ]);
  const e = checkEligibility(standing, incentive, usage.get(incentiveId) ?? { usedInPeriod: 0, stockUsed: 0 }, now);
  if (!e.eligible) throw new AppError(403, 'NOT_ELIGIBLE', `暂不能使用该场景：${e.reasons.join('；')}`, { reasons: e.reasons });
  const expiresAt = epochSeconds(deps.clock) + deps.passTtlSeconds;
  const { token, passId } = deps.passes.issue(expiresAt);
  await deps.incentives.createPass({ passId, incentiveId, residentUserId: userId, expiresAt, issuedAt: now.toISOString() });
  return { pass: token, passId, expiresAt: new Date(expiresAt * 1000).toISOString(), ttlSeconds: deps.passTtlSeconds };
}
