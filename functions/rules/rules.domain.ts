import type { DimensionCode } from '../points/points.domain';

/**
 * The published rule catalogue (清单制管理). Every credit event is scored by exactly one rule of
 * the catalogue version in force when the event occurred; no rule, no points.
 */
export type Severity = 'light' | 'general' | 'serious';
export type SubjectType = 'person' | 'enterprise';

export interface Rule {
  id: string;
  title: string;
  dimension: DimensionCode;
  subjectType: SubjectType;
  /** Signed points of one event. */
  points: number;
  /** Largest absolute sum of this rule's points counted within one calendar year. */
  yearlyCap: number;
  /** How long an event counts: the validity of a positive record, the maximum publication period of a negative one. */
  validityMonths: number;
  /** Negative records only: the severity, which fixes the publication period (DOMAIN.md). */
  severity?: Severity;
  /** Negative records only: months after which the subject may apply for credit repair. */
  minPublicationMonths?: number;
  legalBasis: string;
  /** Organisation id of the department that reports this kind of record. */
  department: string;
}

export interface CatalogueVersion {
  version: number;
  /** ISO-8601; the version applies to events that occurred at or after this moment. */
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  note: string;
  rules: Rule[];
}

/** Publication periods by severity (NDRC rules on credit repair, in force 2026-04-01). */
export const PUBLICATION: Record<Severity, { minMonths: number; maxMonths: number; label: string }> = {
  light: { minMonths: 0, maxMonths: 3, label: '轻微' },
  general: { minMonths: 3, maxMonths: 12, label: '一般' },
  serious: { minMonths: 12, maxMonths: 36, label: '严重' },
};

/** The catalogue version in force at a moment: the latest whose effectiveFrom is not after it. */
export function versionInForce(versions: readonly CatalogueVersion[], at: string | Date): CatalogueVersion | null {
  const t = new Date(at).getTime();
  let best: CatalogueVersion | null = null;
  for (const v of versions) {
    if (new Date(v.effectiveFrom).getTime() <= t && (!best || v.version > best.version)) best = v;
  }
  return best;
}

export function findRule(versions: readonly CatalogueVersion[], version: number, ruleId: string): Rule | undefined {
  return versions.find((v) => v.version === version)?.rules.find((r) => r.id === ruleId);
}

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

/** Problems of a rule as written by the credit centre; empty when the rule is sound. */
export function ruleProblems(rule: Rule): string[] {
  const p: string[] = [];
  if (rule.points === 0) p.push('分值不能为 0');
  if (Math.abs(rule.points) > 50) p.push('单条记录分值不能超过 ±50');
  if (rule.yearlyCap < Math.abs(rule.points)) p.push('年度上限不能小于单条分值');
  if (rule.points < 0) {
    if (!rule.severity) p.push('失信规则必须注明严重程度');
    else {
      const pub = PUBLICATION[rule.severity];
      const court = rule.severity === 'serious' && rule.validityMonths === 24;
      if (!court && rule.validityMonths > pub.maxMonths) p.push(`${pub.label}失信信息公示期最长 ${pub.maxMonths} 个月`);
    }
  } else if (rule.severity) {
    p.push('守信规则不设严重程度');
  }
  return p;
}
