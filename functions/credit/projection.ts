import { evaluate, type ScoredEvent } from '../points/points.engine';
import { addMonths, chinaYear } from '../shared/domain/china-time';
import { findRule, type CatalogueVersion } from '../rules/rules.domain';
import type { SubjectProjection } from './credit.types';

/** Beyond this many events that can still matter, a projection keeps no history (ingestion reads the events). */
export const MAX_PROJECTION_HISTORY = 400;

/**
 * The events that can still change a subject's points at `at` or later (pure). An event counts for
 * at most its rule's validity after it occurred; once that has passed it never counts again, but
 * it still uses its rule's yearly cap, which only events of the same rule, version and China year
 * share. So an event matters while its China year is not before the year of `at` minus its rule's
 * validity: later events of its rule and year may still count. Scoring these events gives exactly
 * the projection of the whole history. Retracted events and events without a rule never count.
 */
export function eventsThatMatter(events: readonly ScoredEvent[], catalogue: readonly CatalogueVersion[], at: Date): ScoredEvent[] {
  const iso = at.toISOString();
  return events.filter((e) => {
    if (e.state === 'retracted') return false;
    const rule = findRule(catalogue, e.ruleVersion, e.ruleId);
    return !!rule && chinaYear(e.occurredAt) >= chinaYear(addMonths(iso, -rule.validityMonths));
  });
}

const compact = (e: ScoredEvent): ScoredEvent => ({
  id: e.id,
  ruleId: e.ruleId,
  ruleVersion: e.ruleVersion,
  occurredAt: e.occurredAt,
  countsUntil: e.countsUntil,
  state: e.state,
  ...(e.endedAt ? { endedAt: e.endedAt } : {}),
});

/** Builds a subject's projection from all its events (or all that still matter) at a moment (pure). */
export function buildProjection(
  subjectKey: string,
  events: readonly ScoredEvent[],
  catalogue: readonly CatalogueVersion[],
  at: Date,
  version: number,
): SubjectProjection {
  const ev = evaluate(events, catalogue, at);
  const activeNegatives = { light: 0, general: 0, serious: 0 };
  const byId = new Map(events.map((e) => [e.id, e]));
  const activeRecords: SubjectProjection['activeRecords'] = [];
  for (const c of ev.contributions) {
    if (!c.active || c.points >= 0 || !c.severity) continue;
    activeNegatives[c.severity]++;
    const e = byId.get(c.eventId)!;
    const until = e.state === 'repaired' && e.endedAt && e.endedAt < e.countsUntil ? e.endedAt : e.countsUntil;
    activeRecords.push({ eventId: e.id, ruleId: e.ruleId, severity: c.severity, occurredAt: e.occurredAt, until });
  }
  const history = eventsThatMatter(events, catalogue, at);
  return {
    subjectKey,
    version,
    ...(history.length <= MAX_PROJECTION_HISTORY ? { history: history.map(compact) } : {}),
    dimensions: ev.dimensions,
    delta: ev.delta,
    activeNegatives,
    activeRecords,
    eventCount: events.length,
    computedAt: ev.at,
    nextChangeAt: ev.nextChangeAt,
  };
}

export function isStale(p: SubjectProjection, at: Date): boolean {
  return p.nextChangeAt !== null && new Date(p.nextChangeAt).getTime() <= at.getTime();
}

