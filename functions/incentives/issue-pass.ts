import { AppError, errors } from '../shared/http/app-error';
import { epochSeconds } from '../shared/domain/clock';
import { checkEligibility, periodKey } from './incentives.domain';
import type { IncentivesRepository } from './incentives.repository';
import type { PassResponse } from './incentives.schemas';
import type { PassCodec } from './pass-codec';
import type { Principal } from '../shared/auth/roles';
import { standingOfAccount } from './resident-standing';

type Deps = Parameters<typeof standingOfAccount>[0] & { incentives: IncentivesRepository; passes: PassCodec; passTtlSeconds: number };

/**
 * A resident asks for a pass to show at a merchant (three waves: the session's confirmation with
 * the projection, the usage counters, the pass).
 * 1. Load the scenario from this instance's cache (404 if unknown); a token naming the resident's
 *    credit subject has their projection read beside the session's confirmation.
 * 2. Check eligibility now: standing (the account as confirmed), dates, quota and stock; refuse
 *    with every reason.
 * 3. Store the pass record binding the pass to this resident, their credit subject and the
 *    scenario, and return the signed 32-character token, valid for a short time (60 s by default).
 */
export async function issuePass(deps: Deps, principal: Principal, incentiveId: string, session: () => Promise<Principal> = async () => principal): Promise<PassResponse> {
  const userId = principal.userId;
  const early = principal.subjectKey ? deps.credit.getProjection(principal.subjectKey, false) : undefined;
  early?.catch(() => undefined);
  const incentive = await deps.incentives.get(incentiveId);
  if (!incentive) throw errors.notFound('该信易+场景不存在');
  const now = deps.clock.now();
  const confirmed = session();
  const [standing, usage, account] = await Promise.all([
    confirmed.then((p) => standingOfAccount(deps, p.account ?? {}, p.subjectKey ? early : undefined)),
    deps.incentives.usage(userId, [{ incentiveId, period: periodKey(incentive.quota.period, now), stock: incentive.totalStock }]),
    confirmed.then((p) => p.account ?? {}),
  ]);
  const e = checkEligibility(standing, incentive, usage.get(incentiveId) ?? { usedInPeriod: 0, stockUsed: 0 }, now);
  if (!e.eligible) throw new AppError(403, 'NOT_ELIGIBLE', `暂不能使用该场景：${e.reasons.join('；')}`, { reasons: e.reasons });
  const issuedAt = epochSeconds(deps.clock);
  const expiresAt = issuedAt + deps.passTtlSeconds;
  const { token, passId } = deps.passes.issue(expiresAt, issuedAt);
  await deps.incentives.createPass({ passId, incentiveId, residentUserId: userId, ...(account.subjectKey ? { residentSubjectKey: account.subjectKey } : {}), expiresAt, issuedAt: now.toISOString() });
  return { pass: token, passId, expiresAt: new Date(expiresAt * 1000).toISOString(), ttlSeconds: deps.passTtlSeconds };
}
