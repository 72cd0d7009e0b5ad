import type { Severity } from '../rules/rules.domain';
import { addMonths } from '../rules/rules.domain';

/**
 * Joint punishment (联合惩戒) is proportionate and listed: a measure restricts a subject only if
 * it is on the published measures list, the subject has an active record of one of the measure's
 * list types, and the record is at least as severe as the measure (a light record never triggers
 * a measure meant for a serious one). Pure functions.
 */
export type Service = 'incentives' | 'loans';

/** What a department checks a business's credit for (信用核查, 政务用信); a measure may restrict some of them. */
export const CHECK_PURPOSES = ['procurement', 'bidding', 'approval', 'award', 'subsidy'] as const;
export type CheckPurpose = (typeof CHECK_PURPOSES)[number];

export const CHECK_PURPOSE_LABELS: Record<CheckPurpose, string> = {
  procurement: '政府采购',
  bidding: '招标投标',
  approval: '行政审批',
  award: '评优评先',
  subsidy: '财政补贴',
};

export interface Measure {
  id: string;
  title: string;
  description: string;
  legalBasis: string;
  listType: string;
  /** The rules whose records put a subject on this list. */
  ruleIds: string[];
  severity: Severity;
  durationMonths: number;
  affects: Service[];
  /** The government uses it restricts (政务用信); a measure restricts at least one service or purpose. */
  purposes: CheckPurpose[];
  howToExit: string;
}

/** An active negative record, as the projection keeps them. */
export interface ActiveRecord {
  eventId: string;
  ruleId: string;
  severity: Severity;
  occurredAt: string;
  until: string;
}

export interface AppliedMeasure {
  measure: Measure;
  eventId: string;
  ruleId: string;
  until: string;
}

const RANK: Record<Severity, number> = { light: 1, general: 2, serious: 3 };

export function isProportionate(recordSeverity: Severity, measureSeverity: Severity): boolean {
  return RANK[recordSeverity] >= RANK[measureSeverity];
}

export function applicableMeasures(records: readonly ActiveRecord[], measures: readonly Measure[], now: Date): AppliedMeasure[] {
  const out: AppliedMeasure[] = [];
  for (const m of measures) {
    for (const r of records) {
      if (!m.ruleIds.includes(r.ruleId) || !isProportionate(r.severity, m.severity)) continue;
      const byDuration = addMonths(r.occurredAt, m.durationMonths);
      const until = byDuration < r.until ? byDuration : r.until;
      if (now.getTime() >= new Date(until).getTime()) continue;
      out.push({ measure: m, eventId: r.eventId, ruleId: r.ruleId, until });
    }
  }
  return out;
}

const cstDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The reasons a service may give for refusing, one per applied measure. */
export function restrictionReasons(applied: readonly AppliedMeasure[], service: Service): string[] {
  return applied
    .filter((a) => a.measure.affects.includes(service))
    .map((a) => `存在未修复的严重失信记录（${a.measure.title}，至 ${cstDate(a.until)}）`);
}
