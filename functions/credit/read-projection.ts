import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import type { CreditRepository } from './credit.repository';
import type { SubjectProjection } from './credit.types';
import { buildProjection, isStale } from './projection';

/**
 * A subject's projection as of now.
 * 1. One GetItem of the projection: the usual, constant-cost path.
 * 2. If an event has expired since it was computed (`nextChangeAt` passed), rebuild it from the
 *    events and store it back, guarded by its version (a concurrent writer's fresher one wins).
 * 3. A subject without records has no projection: nothing counts yet.
 */
export async function readProjection(
  deps: { credit: CreditRepository; rules: RulesRepository; clock: Clock },
  subjectKey: string,
): Promise<SubjectProjection | null> {
  return projectionFrom(deps, subjectKey, deps.credit.getProjection(subjectKey));
}

/**
 * The same from a read of the stored projection already under way (a hot path starts it beside the
 * session's confirmation and decides only afterwards whether to use it).
 */
export async function projectionFrom(
  deps: { credit: CreditRepository; rules: RulesRepository; clock: Clock },
  subjectKey: string,
  read: Promise<SubjectProjection | null>,
): Promise<SubjectProjection | null> {
  const now = deps.clock.now();
  const stored = await read;
  if (!stored || !isStale(stored, now)) return stored;
  const [events, catalogue] = await Promise.all([deps.credit.listEvents(subjectKey), deps.rules.listVersions()]);
  const fresh = buildProjection(subjectKey, events, catalogue, now, stored.version + 1);
  await deps.credit.refreshProjection(fresh, stored.version);
  return fresh;
}
