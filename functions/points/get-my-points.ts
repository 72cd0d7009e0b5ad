import { projectionFrom } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { DIMENSIONS } from './points.domain';
import { personalPoints } from './points.engine';
import type { PointsResponse } from './points.schemas';
import { subjectOfAccount } from './resident-subject';

/**
 * The signed-in resident's points, in one wave of reads.
 * 1. A token that names the resident's credit subject (a login after real-name verification) has
 *    the subject's projection read beside the session's confirmation.
 * 2. The confirmed account decides: only after real-name verification and with consent; a token
 *    whose subject is not the account's has its read dropped and the account's subject read.
 * 3. The projection is one item, rebuilt only when an event has expired since.
 * 4. Points = 100 + the counted points, clamped to 0–200, with tier and five dimensions.
 */
export async function getMyPoints(
  deps: { credit: CreditRepository; rules: RulesRepository; clock: Clock },
  principal: Principal,
  session: () => Promise<Principal>,
): Promise<PointsResponse> {
  const early = principal.subjectKey ? deps.credit.getProjection(principal.subjectKey, false) : undefined;
  early?.catch(() => undefined);
  const confirmed = await session();
  const subjectKey = subjectOfAccount(confirmed.account ?? {});
  const projection = await projectionFrom(deps, subjectKey, early && confirmed.subjectKey === subjectKey ? early : deps.credit.getProjection(subjectKey, false));
  const { points, tier } = personalPoints(projection?.delta ?? 0);
  return {
    points,
    tier,
    dimensions: DIMENSIONS.map((d) => ({ code: d.code, label: d.label, points: projection?.dimensions[d.code] ?? 0 })),
    asOf: deps.clock.now().toISOString(),
    nextChangeAt: projection?.nextChangeAt ?? null,
  };
}
