import type { Principal } from '../shared/auth/roles';
import { CATEGORIES, checkEligibility, periodKey, type Incentive } from './incentives.domain';
import type { IncentiveView, IncentivesResponse } from './incentives.schemas';
import type { IncentivesRepository } from './incentives.repository';
import { standingOfAccount } from './resident-standing';

export function incentiveView(i: Incentive, stockUsed?: number): IncentiveView {
  return {
    id: i.id,
    category: i.category,
    categoryLabel: CATEGORIES.find((c) => c.code === i.category)?.label ?? i.category,
    title: i.title,
    benefit: i.benefit,
    description: i.description,
    minPoints: i.minPoints,
    quota: i.quota,
    ...(i.totalStock !== undefined ? { totalStock: i.totalStock, ...(stockUsed !== undefined ? { stockLeft: Math.max(0, i.totalStock - stockUsed) } : {}) } : {}),
    validFrom: i.validFrom,
    validUntil: i.validUntil,
    excludeSerious: i.excludeSerious,
    active: i.active,
    merchants: i.merchants,
    updatedAt: i.updatedAt,
  };
}

type Deps = Parameters<typeof standingOfAccount>[0] & { incentives: IncentivesRepository };

/**
 * The 信易+ catalogue, every scenario in one response, in two waves of reads.
 * 1. The scenarios, from this instance's cache (checked against the catalogue versions the
 *    session's confirmation reads); a resident's projection is read beside that confirmation when
 *    the token names their credit subject.
 * 2. For a resident: their standing (points, serious records; the account as confirmed) and, in
 *    one BatchGet, their use in each current quota period and each scenario's stock — then for
 *    each scenario whether they can use it now, or exactly why not, and what is left of their quota.
 */
export async function listIncentives(deps: Deps, principal: Principal | null, session: () => Promise<Principal> = async () => principal!): Promise<IncentivesResponse> {
  const resident = principal?.roles.includes('resident') === true;
  const early = resident && principal?.subjectKey ? deps.credit.getProjection(principal.subjectKey, false) : undefined;
  early?.catch(() => undefined);
  const all = await deps.incentives.list();
  if (!principal || !resident) {
    return { items: all.map((i) => incentiveView(i)), nextCursor: null };
  }
  const now = deps.clock.now();
  const [standing, usage] = await Promise.all([
    session().then((p) => standingOfAccount(deps, p.account ?? {}, p.subjectKey ? early : undefined)),
    deps.incentives.usage(principal.userId, all.map((i) => ({ incentiveId: i.id, period: periodKey(i.quota.period, now), stock: i.totalStock }))),
  ]);
  return {
    items: all.map((i) => {
      const u = usage.get(i.id) ?? { usedInPeriod: 0, stockUsed: 0 };
      const e = checkEligibility(standing, i, u, now);
      return { ...incentiveView(i, u.stockUsed), eligible: e.eligible, reasons: e.reasons, remainingQuota: e.remainingQuota };
    }),
    nextCursor: null,
  };
}
