import { chinaYear } from '../shared/domain/china-time';
import { findRule, type CatalogueVersion, type Severity } from '../rules/rules.domain';
import { BASE_POINTS, clampPoints, DIMENSIONS, tierOf, type DimensionCode, type Tier } from './points.domain';

/**
 * The points engine: a pure function of (events, rule catalogue, moment).
 *
 * - An event counts from its occurrence until its `countsUntil` (or until it was repaired);
 *   a retracted event (an objection upheld) never counts.
 * - Yearly caps: within one calendar year (China time) of occurrence, the events of one rule
 *   count in order of occurrence (then id) until the rule's cap is used up; the rest count 0.
 *   Only events that still stand use the cap: a retracted event (the record was wrong) and a
 *   repaired one, from its repair on, give their share back to the rule's other events of that
 *   year, which are then scored as if it had never been recorded. An expired event keeps its
 *   share: the cap bounds what one year's events of a rule can add up to over their lifetime.
 * - Points = 100 + the counted points of the active events, clamped to 0–200.
 * - The result says when it next changes, so a stored projection knows when it goes stale.
 */
export interface ScoredEvent {
  id: string;
  ruleId: string;
  ruleVersion: number;
  occurredAt: string;
  countsUntil: string;
  state: 'recorded' | 'retracted' | 'repaired';
  /** When the record stopped counting because it was repaired. */
  endedAt?: string;
}

export interface Contribution {
  eventId: string;
  ruleId: string;
  dimension: DimensionCode;
  severity?: Severity;
  /** The rule's points for one event. */
  points: number;
  /** What the event adds after the yearly cap (0 when capped, expired, repaired or retracted). */
  counted: number;
  active: boolean;
}

export interface Evaluation {
  at: string;
  /** Sum of counted points per dimension. */
  dimensions: Record<DimensionCode, number>;
  delta: number;
  contributions: Contribution[];
  /** The earliest moment after `at` when the result can change; null when it never will. */
  nextChangeAt: string | null;
}

const ms = (iso: string) => new Date(iso).getTime();

function endOf(e: ScoredEvent): number {
  const until = ms(e.countsUntil);
  return e.state === 'repaired' && e.endedAt ? Math.min(until, ms(e.endedAt)) : until;
}

export function evaluate(events: readonly ScoredEvent[], catalogue: readonly CatalogueVersion[], at: Date): Evaluation {
  const now = at.getTime();
  const ordered = events
    .filter((e) => e.state !== 'retracted')
    .slice()
    .sort((a, b) => ms(a.occurredAt) - ms(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const used = new Map<string, number>();
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d.code, 0])) as Record<DimensionCode, number>;
  const contributions: Contribution[] = [];
  let next = Number.POSITIVE_INFINITY;

  for (const e of ordered) {
    const rule = findRule(catalogue, e.ruleVersion, e.ruleId);
    if (!rule) continue; // no rule, no points
    const start = ms(e.occurredAt);
    const end = endOf(e);
    if (start > now) {
      next = Math.min(next, start);
      continue;
    }
    const active = now < end;
    const repairedBy = e.state === 'repaired' && e.endedAt !== undefined && ms(e.endedAt) <= now;
    const capKey = `${e.ruleId}|${e.ruleVersion}|${chinaYear(e.occurredAt)}`;
    const usedSoFar = used.get(capKey) ?? 0;
    const allowed = repairedBy ? 0 : Math.max(0, Math.min(Math.abs(rule.points), rule.yearlyCap - usedSoFar));
    used.set(capKey, usedSoFar + allowed);
    const counted = active && allowed > 0 ? Math.sign(rule.points) * allowed : 0;
    if (active && allowed > 0) next = Math.min(next, end);
    // A repair taking effect later gives the cap share back then, even after the event expired.
    if (allowed > 0 && e.state === 'repaired' && e.endedAt !== undefined && ms(e.endedAt) > now) next = Math.min(next, ms(e.endedAt));
    dimensions[rule.dimension] += counted;
    contributions.push({
      eventId: e.id,
      ruleId: e.ruleId,
      dimension: rule.dimension,
      ...(rule.severity ? { severity: rule.severity } : {}),
      points: rule.points,
      counted,
      active,
    });
  }
  const delta = Object.values(dimensions).reduce((s, v) => s + v, 0);
  return {
    at: at.toISOString(),
    dimensions,
    delta,
    contributions,
    nextChangeAt: Number.isFinite(next) ? new Date(next).toISOString() : null,
  };
}

export function personalPoints(delta: number): { points: number; tier: Tier } {
  const points = clampPoints(BASE_POINTS + delta);
  return { points, tier: tierOf(points) };
}

/**
 * The business's public credit comprehensive evaluation (公共信用综合评价), from the same events:
 *   score = clamp(100 + counted points, 0, 200)
 *   A: score ≥ 100 and no active general or serious negative record
 *   B: score ≥ 85 and no active serious negative record
 *   C: score ≥ 60
 *   D: otherwise
 * A record's severity caps the grade (general → at best B, serious → at best C), so one serious
 * record is never outweighed by honours.
 */
export type Grade = 'A' | 'B' | 'C' | 'D';

export function enterpriseGrade(ev: { delta: number; activeSerious: number; activeGeneral: number }): { score: number; grade: Grade; drivers: string[] } {
  const score = clampPoints(BASE_POINTS + ev.delta);
  const { activeSerious: serious, activeGeneral: general } = ev;
  let grade: Grade;
  if (score >= 100 && serious === 0 && general === 0) grade = 'A';
  else if (score >= 85 && serious === 0) grade = 'B';
  else if (score >= 60) grade = 'C';
  else grade = 'D';
  const drivers = [`综合得分 ${score}（基础分 100，守信加分与失信扣分合计 ${ev.delta >= 0 ? '+' : ''}${ev.delta}）`];
  if (serious > 0) drivers.push(`存在 ${serious} 条公示中的严重失信记录：最高评为 C 级`);
  if (general > 0) drivers.push(`存在 ${general} 条公示中的一般失信记录：最高评为 B 级`);
  if (serious === 0 && general === 0) drivers.push('无公示中的一般或严重失信记录');
  return { score, grade, drivers };
}

/** The grade inputs of a full evaluation. */
export function gradeInputs(ev: Evaluation): { delta: number; activeSerious: number; activeGeneral: number } {
  const active = ev.contributions.filter((c) => c.active && c.points < 0);
  return {
    delta: ev.delta,
    activeSerious: active.filter((c) => c.severity === 'serious').length,
    activeGeneral: active.filter((c) => c.severity === 'general').length,
  };
}
