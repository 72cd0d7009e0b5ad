import { randomUUID } from 'node:crypto';
import { newAccessEntry, residentOwner, type AccessLogRepository } from '../access-log/access-log';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import { maskName } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import { checkEligibility, periodEnd, periodKey, type QuotaPeriod } from './incentives.domain';
import type { IncentivesRepository, PassRecord } from './incentives.repository';
import type { RedemptionResponse } from './incentives.schemas';
import type { DecodedPass, PassCodec } from './pass-codec';
import { REDEMPTION_PURPOSE, refusedCheckWhat } from './redemption-access';
import { residentStanding } from './resident-standing';

type Deps = Parameters<typeof residentStanding>[0] & { incentives: IncentivesRepository; passes: PassCodec; accessLog: AccessLogRepository };

const CLOCK_SKEW_SECONDS = 2;
const MAX_ATTEMPTS = 8;

/**
 * A refused scan: the error the merchant gets (a verdict, never the resident's points, records,
 * measures or history), what the resident's access log calls it, and the reasons only the
 * resident sees on their pass (none for a pass already used: that stays its story).
 */
export interface Refusal {
  error: AppError;
  label: string;
  residentReasons: string[] | null;
}

export const refusals = {
  suspended: (): Refusal => ({
    error: new AppError(403, 'ORG_SUSPENDED', '本商户已被信用中心暂停，暂不能核销'),
    label: '商户已被暂停核销',
    residentReasons: ['该商户已暂停核销，请到其他参与商户使用'],
  }),
  notInScenario: (): Refusal => ({
    error: new AppError(403, 'MERCHANT_NOT_IN_SCENARIO', '本商户未参与该信易+场景，不能核销此凭证'),
    label: '商户未参与该场景',
    residentReasons: ['该商户未参与此场景，请到参与商户使用'],
  }),
  used: (): Refusal => ({ error: new AppError(409, 'PASS_USED', '该凭证已核销，不能重复使用'), label: '凭证已使用', residentReasons: null }),
  notEligible: (reasons: string[]): Refusal => ({ error: new AppError(403, 'NOT_ELIGIBLE', '不符合使用条件'), label: '不符合使用条件', residentReasons: reasons }),
  quota: (period: QuotaPeriod, stock: boolean): Refusal => ({
    error: new AppError(403, 'QUOTA_EXHAUSTED', '已达使用上限'),
    label: '已达使用上限',
    residentReasons: [stock ? '名额已领完' : period === 'day' ? '今日次数已用完' : '本月次数已用完'],
  }),
};

/** What a scan that reached the pass record knows when it is refused. */
interface Scan {
  pass: PassRecord;
  incentiveTitle?: string;
  merchantName?: string;
}

type Attempt = { kind: 'redeemed'; response: RedemptionResponse } | { kind: 'conflict' } | { kind: 'refused'; refusal: Refusal; scan: Scan };

/**
 * A merchant redeems a resident's pass at the counter (one step: scan = redeem).
 * Checked in the order API.md fixes:
 * 1. The token decodes and its tag verifies under the server key → else 400 PASS_INVALID.
 * 2. It has not expired → else 410 PASS_EXPIRED.
 * 3. The pass record exists, the merchant's organisation is not suspended (403 ORG_SUSPENDED) and
 *    takes part in the scenario → else 403 MERCHANT_NOT_IN_SCENARIO.
 * 4. The pass has no redemption yet (read with the quota counter, beside the resident's
 *    standing) → else 409 PASS_USED.
 * 5. The resident is still eligible (points may have changed since) → else 403 NOT_ELIGIBLE.
 * 6. One transaction creates the pass's redemption (keyed by the pass: a second one cannot be
 *    created, so the pass is single-use) and counts the resident's quota and the stock. The
 *    redemption is also the resident's access-log entry of this check and, on GSI1, the
 *    merchant's record. A lost race on any of them answers 409 PASS_USED or 403 QUOTA_EXHAUSTED
 *    and writes none of them. A transaction that collided with another one in flight is retried
 *    from step 3.
 * 7. A refusal from step 3 on (the scan reached the pass record) still goes into the resident's
 *    access log, in a put of its own after the decision, and — unless it is PASS_USED — onto the
 *    pass with the reasons, which only its owner reads (GET /api/passes/:passId; a redemption,
 *    if there is one, is what that shows). The
 *    merchant's answer carries no reasons and no numbers.
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
    if (result.kind === 'redeemed') return result.response;
    if (result.kind === 'refused') return recordRefusedScan(deps, merchant, result.scan, result.refusal, now);
    // Another transaction held one of the items (the pass, the quota or the stock counter):
    // read again and retry; the next attempt sees what the winner wrote.
    if (attempt >= MAX_ATTEMPTS) throw new AppError(503, 'BUSY', '核销人数较多，请稍后重试');
    await backoff(attempt);
  }
}

async function attemptRedemption(deps: Deps, merchant: Principal, decoded: DecodedPass, now: Date, session: () => Promise<Principal>): Promise<Attempt> {
  // The session's confirmation arrived beside the pass read: no extra round trip.
  const [pass, confirmed] = await Promise.all([deps.incentives.getPass(decoded.passId), session()]);
  if (!pass || pass.expiresAt !== decoded.expiresAt) throw new AppError(400, 'PASS_INVALID', '凭证无效：请让居民重新出示信用凭证');
  const incentive = await deps.incentives.get(pass.incentiveId);
  const merchantEntry = incentive?.merchants.find((m) => m.id === merchant.orgId);
  const scan: Scan = { pass, ...(incentive ? { incentiveTitle: incentive.title } : {}), ...(merchantEntry ? { merchantName: merchantEntry.name } : {}) };
  const refused = (refusal: Refusal): Attempt => ({ kind: 'refused', refusal, scan });
  if (confirmed.orgStatus === 'suspended') return refused(refusals.suspended());
  if (!incentive || !merchant.orgId || !merchantEntry) return refused(refusals.notInScenario());
  const period = periodKey(incentive.quota.period, now);
  const [{ user, standing }, state] = await Promise.all([
    // The pass names the resident's credit subject: their projection is read beside their account.
    residentStanding(deps, pass.residentUserId, pass.residentSubjectKey),
    // The pass's redemption (used?) and the quota counter; the stock is decided by the transaction's condition alone.
    deps.incentives.redemptionState(pass.residentUserId, pass.passId, incentive.id, period),
  ]);
  if (state.redemption) return refused(refusals.used());
  const e = checkEligibility(standing, incentive, { usedInPeriod: 0, stockUsed: 0 }, now);
  if (!e.eligible) return refused(refusals.notEligible(e.reasons));
  // Quota and stock are decided by the transaction's conditions alone: they report a used pass
  // before an exhausted quota, the order API.md fixes, whatever raced in between.
  const quotaLeft = incentive.quota.count - state.usedInPeriod;

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
    { quota: incentive.quota.count, quotaPeriod: period, quotaTtl: periodEnd(incentive.quota.period, now) + 86400, stock: incentive.totalStock },
  );
  if (!outcome.ok) {
    if (outcome.reason === 'conflict') return { kind: 'conflict' };
    if (outcome.reason === 'used') return refused(refusals.used());
    return refused(refusals.quota(incentive.quota.period, outcome.reason === 'stock'));
  }
  return {
    kind: 'redeemed',
    response: {
      id: redemptionId,
      incentiveId: incentive.id,
      incentiveTitle: incentive.title,
      benefit: incentive.benefit,
      resident: { maskedName },
      redeemedAt,
      remainingQuota: Math.max(0, quotaLeft - 1),
      quotaPeriod: incentive.quota.period,
    },
  };
}

/**
 * The resident's access-log entry for a refused scan and, on an unused pass, the reasons for its
 * owner; then the merchant's refusal. Both writes wait for the session's confirmation (the write
 * barrier): a revoked merchant session gets its 401, not a refusal, and leaves nothing behind.
 */
async function recordRefusedScan(deps: Deps, merchant: Principal, scan: Scan, refusal: Refusal, now: Date): Promise<never> {
  const at = now.toISOString();
  const orgName = scan.merchantName ?? (merchant.orgId ? (await deps.identities.getOrg(merchant.orgId))?.name : undefined) ?? '商户';
  await Promise.all([
    deps.accessLog.record(
      newAccessEntry({
        owner: residentOwner(scan.pass.residentUserId),
        at,
        actor: { userId: merchant.userId, ...(merchant.orgId ? { orgId: merchant.orgId } : {}), orgName, role: 'merchant' },
        purpose: REDEMPTION_PURPOSE,
        what: refusedCheckWhat(scan.incentiveTitle ?? '信易+ 凭证', refusal.label),
      }),
    ),
    refusal.residentReasons
      ? deps.incentives.noteRefusal(scan.pass.passId, { code: refusal.error.code, reasons: refusal.residentReasons, at, merchantName: orgName })
      : Promise.resolve(false),
  ]);
  throw refusal.error;
}
