import { randomUUID } from 'node:crypto';
import { newAccessEntry, residentOwner } from '../access-log/access-log';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import { maskName } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import { checkEligibility, periodEnd, periodKey } from './incentives.domain';
import type { IncentivesRepository } from './incentives.repository';
import type { RedemptionResponse } from './incentives.schemas';
import type { DecodedPass, PassCodec } from './pass-codec';
import { residentStanding } from './resident-standing';

type Deps = Parameters<typeof residentStanding>[0] & { incentives: IncentivesRepository; passes: PassCodec };

const CLOCK_SKEW_SECONDS = 2;
const MAX_ATTEMPTS = 8;

/**
 * A merchant redeems a resident's pass at the counter (one step: scan = redeem).
 * Checked in the order API.md fixes:
 * 1. The token decodes and its tag verifies under the server key → else 400 PASS_INVALID.
 * 2. It has not expired → else 410 PASS_EXPIRED.
 * 3. The pass record exists, the merchant's organisation is not suspended (403 ORG_SUSPENDED) and
 *    takes part in the scenario
 *    → else 403 MERCHANT_NOT_IN_SCENARIO.
 * 4. The pass was not used → else 409 PASS_USED.
 * 5. The resident is still eligible (points may have changed since) → else 403 NOT_ELIGIBLE.
 * 6. One transaction marks the pass used, counts the resident's quota and the stock, writes the
 *    redemption and the resident's access-log entry; a lost race on any of them answers
 *    409 PASS_USED or 403 QUOTA_EXHAUSTED and writes nothing. A transaction that collided with
 *    another one in flight is retried from step 3.
 */
export async function redeemPass(deps: Deps, merchant: Principal, token: string, session: () => Promise<Principal> = async () => merchant): Promise<RedemptionResponse> {
  const decoded = deps.passes.decode(token);
  if (!decoded.ok) throw new AppError(400, 'PASS_INVALID', '凭证无效：请让居民重新出示信用凭证');
  const now = deps.clock.now();
  if (now.getTime() / 1000 > decoded.pass.expiresAt + CLOCK_SKEW_SECONDS) {
    throw new AppError(410, 'PASS_EXPIRED', '凭证已过期：请让居民刷新后重新出示');
  }
  for (let attempt = 0; ; attempt++) {
    const result = await attemptRedemption(deps, merchant, decoded.pass, now, session);
    if (result !== 'conflict') return result;
    // Another transaction held one of the items (the pass, the quota or the stock counter):
    // read again and retry; the next attempt sees what the winner wrote.
    if (attempt >= MAX_ATTEMPTS) throw new AppError(503, 'BUSY', '核销人数较多，请稍后重试');
    await backoff(attempt);
  }
}

async function attemptRedemption(deps: Deps, merchant: Principal, decoded: DecodedPass, now: Date, session: () => Promise<Principal>): Promise<RedemptionResponse | 'conflict'> {
  // The session's confirmation arrived beside the pass read: no extra round trip.
  const [pass, confirmed] = await Promise.all([deps.incentives.getPass(decoded.passId), session()]);
  if (!pass || pass.expiresAt !== decoded.expiresAt) throw new AppError(400, 'PASS_INVALID', '凭证无效：请让居民重新出示信用凭证');
  if (confirmed.orgStatus === 'suspended') throw new AppError(403, 'ORG_SUSPENDED', '本商户已被信用中心暂停，暂不能核销');
  const incentive = await deps.incentives.get(pass.incentiveId);
  const merchantEntry = incentive?.merchants.find((m) => m.id === merchant.orgId);
  if (!incentive || !merchant.orgId || !merchantEntry) {
    throw new AppError(403, 'MERCHANT_NOT_IN_SCENARIO', '本商户未参与该信易+场景，不能核销此凭证');
  }
  if (pass.usedAt) throw new AppError(409, 'PASS_USED', '该凭证已核销，不能重复使用');

  const period = periodKey(incentive.quota.period, now);
  const [{ user, standing }, usage] = await Promise.all([
    residentStanding(deps, pass.residentUserId),
    deps.incentives.usage(pass.residentUserId, [{ incentiveId: incentive.id, period, stock: incentive.totalStock !== undefined }]),
  ]);
  const u = usage.get(incentive.id) ?? { usedInPeriod: 0, stockUsed: 0 };
  const e = checkEligibility(standing, incentive, { usedInPeriod: 0, stockUsed: 0 }, now);
  if (!e.eligible) throw new AppError(403, 'NOT_ELIGIBLE', `不符合使用条件：${e.reasons.join('；')}`, { reasons: e.reasons });
  // Quota and stock are decided by the transaction's conditions alone: they report a used pass
  // before an exhausted quota, the order API.md fixes, whatever raced in between.
  const quotaLeft = incentive.quota.count - u.usedInPeriod;

  const redeemedAt = now.toISOString();
  const redemptionId = `rd-${randomUUID()}`;
  const maskedName = maskName(user.name);
  const outcome = await deps.incentives.redeem(
    {
      id: redemptionId,
      incentiveId: incentive.id,
      incentiveTitle: incentive.title,
      benefit: incentive.benefit,
      orgId: merchantEntry.id,
      orgName: merchantEntry.name,
      merchantUserId: merchant.userId,
      residentUserId: pass.residentUserId,
      maskedName,
      redeemedAt,
      passId: pass.passId,
    },
    { quota: incentive.quota.count, quotaPeriod: period, quotaTtl: periodEnd(incentive.quota.period, now) + 86400, stock: incentive.totalStock, day: periodKey('day', now) },
    newAccessEntry({
      owner: residentOwner(pass.residentUserId),
      at: redeemedAt,
      actor: { userId: merchant.userId, orgId: merchantEntry.id, orgName: merchantEntry.name, role: 'merchant' },
      purpose: '信易+ 核销',
      what: `核验「${incentive.title}」使用资格（是否符合条件、姓名脱敏）`,
    }),
  );
  if (!outcome.ok) {
    if (outcome.reason === 'conflict') return 'conflict';
    if (outcome.reason === 'used') throw new AppError(409, 'PASS_USED', '该凭证已核销，不能重复使用');
    throw quotaError(incentive.quota.period, outcome.reason === 'stock');
  }
  return {
    id: redemptionId,
    incentiveId: incentive.id,
    incentiveTitle: incentive.title,
    benefit: incentive.benefit,
    resident: { maskedName },
    redeemedAt,
    remainingQuota: Math.max(0, quotaLeft - 1),
    quotaPeriod: incentive.quota.period,
  };
}

function quotaError(period: 'day' | 'month', stock: boolean): AppError {
  if (stock) return new AppError(403, 'QUOTA_EXHAUSTED', '该场景名额已领完');
  return new AppError(403, 'QUOTA_EXHAUSTED', period === 'day' ? '该居民今日使用次数已用完' : '该居民本月使用次数已用完');
}
