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

/** Calendar months in China time, to the day (shared/domain/china-time.ts). */
export { addMonths } from '../shared/domain/china-time';

/** What is wrong with one field of a rule as written by the credit centre. */
export interface RuleProblem {
  field: 'points' | 'yearlyCap' | 'severity' | 'validityMonths' | 'minPublicationMonths';
  message: string;
  code: string;
}

/**
 * Problems of a rule as written by the credit centre; empty when the rule is sound. A negative
 * rule counts for its publication period, which must lie within its severity's bounds (light
 * 1–3 months, general 3–12, serious 12–36; the court's dishonest-debtor list, 24, is a serious
 * one), and may be repaired only after that severity's minimum, never after it stops counting.
 */
export function ruleProblems(rule: Rule): RuleProblem[] {
  const p: RuleProblem[] = [];
  const add = (field: RuleProblem['field'], code: string, message: string) => p.push({ field, code, message: `${rule.id}：${message}` });
  if (rule.points === 0) add('points', 'zero_points', '分值不能为 0');
  if (Math.abs(rule.points) > 50) add('points', 'points_range', '单条记录分值不能超过 ±50');
  if (rule.yearlyCap < Math.abs(rule.points)) add('yearlyCap', 'cap_below_points', '年度上限不能小于单条分值');
  if (rule.points < 0) {
    if (!rule.severity) {
      add('severity', 'severity_required', '失信规则必须注明严重程度');
      return p;
    }
    const pub = PUBLICATION[rule.severity];
    const lowest = Math.max(1, pub.minMonths);
    if (rule.validityMonths < lowest || rule.validityMonths > pub.maxMonths) {
      add('validityMonths', 'publication_period', `${pub.label}失信信息公示期应为 ${lowest}–${pub.maxMonths} 个月，不能为 ${rule.validityMonths} 个月`);
    }
    const min = rule.minPublicationMonths;
    if (min === undefined) add('minPublicationMonths', 'min_publication_required', `失信规则必须注明最短公示期（${pub.label}失信至少 ${pub.minMonths} 个月）`);
    else if (min < pub.minMonths) add('minPublicationMonths', 'min_publication_period', `${pub.label}失信信息最短公示期不少于 ${pub.minMonths} 个月，不能为 ${min} 个月`);
    else if (min > rule.validityMonths) add('minPublicationMonths', 'min_publication_period', `最短公示期（${min} 个月）不能长于公示期（${rule.validityMonths} 个月）`);
  } else {
    if (rule.severity) add('severity', 'severity_not_allowed', '守信规则不设严重程度');
    if (rule.minPublicationMonths !== undefined) add('minPublicationMonths', 'min_publication_not_allowed', '守信规则不设最短公示期');
  }
  return p;
}
