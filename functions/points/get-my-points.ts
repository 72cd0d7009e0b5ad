import { readProjection } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { DIMENSIONS } from './points.domain';
import { personalPoints } from './points.engine';
import type { PointsResponse } from './points.schemas';
import { residentSubject } from './resident-subject';

/**
 * The signed-in resident's points.
 * 1. Find the resident's credit subject (only after real-name verification and consent).
 * 2. Read the subject's projection (one item; rebuilt only when an event has expired since).
 * 3. Points = 100 + the counted points, clamped to 0–200, with tier and five dimensions.
 */
export async function getMyPoints(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; clock: Clock },
  userId: string,
): Promise<PointsResponse> {
  const subjectKey = await residentSubject(deps.identities, userId);
  const projection = await readProjection(deps, subjectKey);
  const { points, tier } = personalPoints(projection?.delta ?? 0);
  return {
    points,
    tier,
    dimensions: DIMENSIONS.map((d) => ({ code: d.code, label: d.label, points: projection?.dimensions[d.code] ?? 0 })),
    asOf: deps.clock.now().toISOString(),
    nextChangeAt: projection?.nextChangeAt ?? null,
  };
}
