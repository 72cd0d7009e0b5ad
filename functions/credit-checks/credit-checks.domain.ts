/**
 * 信用核查 (政务用信), pure. Before procurement, bidding, an approval, an award or a subsidy a
 * department checks a list of businesses; for each one the verdict rests on what the registries
 * and the credit records say now:
 * - not in the enterprise registry → `not_found`;
 * - restricted when the registry shows it revoked or cancelled, when a serious record counts now
 *   (court dishonest-debtor list, 严重违法失信名单, major tax violations, unpaid wages, a serious
 *   penalty), when a general or serious administrative penalty was decided in the last 12 months,
 *   when a breached credit commitment still counts, or when a measure of the published list
 *   applies to the purpose (measures name the purposes they restrict);
 * - clear otherwise. Light penalties, repaired and expired records never restrict; a light penalty
 *   of the last 12 months is mentioned as a note.
 */
import { CHECK_PURPOSE_LABELS, applicableMeasures, type ActiveRecord, type CheckPurpose, type Measure } from '../measures/measures.domain';
import type { CreditEventView } from '../points/points.schemas';
import { REGISTRY_STATUS_LABELS, type RegistryStatus } from '../registry/registry.domain';
import { countingRecords } from '../reports/report-records';
import { addMonths, chinaDate } from '../shared/domain/china-time';

export { CHECK_PURPOSES, CHECK_PURPOSE_LABELS, type CheckPurpose } from '../measures/measures.domain';

export const MAX_SUBJECTS_PER_CHECK = 200;

export const VERDICTS = ['clear', 'restricted', 'not_found'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = { clear: '未发现限制情形', restricted: '存在限制情形', not_found: '未找到该企业' };

/** Administrative penalties (行政处罚) of the catalogue: departments' records and 双公示 penalties alike. */
export const PENALTY_RULE_IDS: ReadonlySet<string> = new Set(['E-LAW-01', 'E-LAW-02', 'E-LAW-03', 'E-LAW-08']);
/** The catalogue's rules for breached credit commitments (违背信用承诺), by severity. */
export const BREACH_RULE_IDS: ReadonlySet<string> = new Set(['E-ETH-03', 'E-ETH-04', 'E-ETH-05']);

/** What the registries and the credit records hold about one checked business. */
export interface BusinessFacts {
  uscc: string;
  registry: { name: string; status: RegistryStatus } | null;
  /** The business's credit events as it sees them now (eventViews), newest first. */
  events: readonly CreditEventView[];
}

export interface CheckResult {
  uscc: string;
  name: string;
  verdict: Verdict;
  reasons: string[];
  notes: string[];
  registryStatus?: RegistryStatus;
}

const day = (iso: string) => chinaDate(iso);

/** The negative records counting now, as joint-punishment measures are matched against them. */
export function activeRecordsOf(counting: readonly CreditEventView[]): ActiveRecord[] {
  return counting
    .filter((v) => v.points < 0 && v.severity)
    .map((v) => ({ eventId: v.id, ruleId: v.ruleId, severity: v.severity!, occurredAt: v.occurredAt, until: v.countsUntil }));
}

export function assessBusiness(facts: BusinessFacts, purpose: CheckPurpose, measures: readonly Measure[], now: Date): CheckResult {
  if (!facts.registry) {
    return { uscc: facts.uscc, name: '', verdict: 'not_found', reasons: ['企业登记信息中没有这个统一社会信用代码，请核对'], notes: [] };
  }
  const reasons: string[] = [];
  const notes: string[] = [];
  const { status } = facts.registry;
  if (status !== 'active') reasons.push(`登记状态为「${REGISTRY_STATUS_LABELS[status]}」，不是存续企业`);

  const counting = countingRecords(facts.events, now);
  const since = addMonths(now.toISOString(), -12);
  for (const v of counting) {
    const when = `${v.department}，${day(v.occurredAt)}`;
    if (PENALTY_RULE_IDS.has(v.ruleId)) {
      if (v.occurredAt < since) {
        if (v.severity === 'serious') reasons.push(`严重失信：${v.title}（${when}，公示至 ${day(v.countsUntil)}）`);
      } else if (v.severity === 'light') {
        notes.push(`近 12 个月有轻微行政处罚：${v.title}（${when}），不影响核查结论`);
      } else {
        reasons.push(`近 12 个月受到行政处罚：${v.title}（${when}）`);
      }
    } else if (BREACH_RULE_IDS.has(v.ruleId)) {
      reasons.push(`违背信用承诺：${v.title}（${when}，至 ${day(v.countsUntil)}）`);
    } else if (v.severity === 'serious' && v.points < 0) {
      reasons.push(`严重失信：${v.title}（${when}，至 ${day(v.countsUntil)}）`);
    }
  }

  const applied = applicableMeasures(activeRecordsOf(counting), measures, now).filter((a) => (a.measure.purposes ?? []).includes(purpose));
  for (const a of applied) {
    reasons.push(`适用联合惩戒措施「${a.measure.title}」（${a.measure.listType}，限制${CHECK_PURPOSE_LABELS[purpose]}，至 ${day(a.until)}）`);
  }
  return {
    uscc: facts.uscc,
    name: facts.registry.name,
    verdict: reasons.length > 0 ? 'restricted' : 'clear',
    reasons,
    notes,
    registryStatus: status,
  };
}

export interface CheckSummary {
  total: number;
  clear: number;
  restricted: number;
  notFound: number;
}

export function summarise(results: readonly Pick<CheckResult, 'verdict'>[]): CheckSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  return { total: results.length, clear: count('clear'), restricted: count('restricted'), notFound: count('not_found') };
}

/** The subjects as sent: trimmed, upper-cased, each code once (the first time it appears). */
export function distinctSubjects(subjects: readonly string[]): string[] {
  return [...new Set(subjects.map((s) => s.trim().toUpperCase()))];
}
