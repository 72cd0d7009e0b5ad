/**
 * Objections (异议) and credit repair (信用修复) cases: who may raise them, when, and how long the
 * department has to answer (pure).
 */
import type { CreditEvent } from '../credit/credit.types';
import { addMonths, findRule, type CatalogueVersion } from '../rules/rules.domain';

export type CaseKind = 'objection' | 'repair';
export type CaseStatus = 'OPEN' | 'UPHELD' | 'REJECTED' | 'APPROVED';

export interface RightsCase {
  id: string;
  kind: CaseKind;
  eventId: string;
  subjectKey: string;
  /** `user:<id>` or `org:<id>`: who raised it and sees the answer. */
  owner: string;
  department: string;
  /** The objection's reason or the repair statement. */
  text: string;
  status: CaseStatus;
  createdAt: string;
  deadline: string;
  answeredAt?: string;
  answer?: string;
  answeredBy?: string;
}

/** Departments answer objections within 5 working days (DOMAIN.md); repairs likewise here. */
export const ANSWER_WORKING_DAYS = 5;

export const STATUS_LABELS: Record<CaseStatus, string> = { OPEN: '处理中', UPHELD: '异议成立', REJECTED: '未通过', APPROVED: '已修复' };

/** Why a credit-repair application is refused now, or null when it may be made. */
export function repairRefusal(event: CreditEvent, catalogue: readonly CatalogueVersion[], now: Date): string | null {
  const rule = findRule(catalogue, event.ruleVersion, event.ruleId);
  if (!rule || rule.points >= 0) return '只有失信记录可以申请信用修复';
  if (event.state === 'repaired') return '该记录已修复';
  if (event.state === 'retracted') return '该记录已撤销';
  if (now.getTime() >= new Date(event.countsUntil).getTime()) return '该记录已届满公示期，不再计分，无需修复';
  const from = addMonths(event.occurredAt, rule.minPublicationMonths ?? 0);
  if (now.getTime() < new Date(from).getTime()) {
    return `最短公示期未满，可于 ${new Date(new Date(from).getTime() + 8 * 3600_000).toISOString().slice(0, 10)} 后申请`;
  }
  if (event.openRepairId) return '该记录已有修复申请正在处理';
  return null;
}
