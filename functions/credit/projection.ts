import { evaluate } from '../points/points.engine';
import type { CatalogueVersion } from '../rules/rules.domain';
import type { CreditEvent, SubjectProjection } from './credit.types';

/** Builds a subject's projection from all its events at a moment (pure). */
export function buildProjection(
  subjectKey: string,
  events: readonly CreditEvent[],
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
  return {
    subjectKey,
    version,
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
