/**
 * Objections (异议) and credit repair (信用修复) cases: who may raise them, when, and how long the
 * department has to answer (pure).
 */
import type { CreditEvent } from '../credit/credit.types';
import { addMonths, findRule, type CatalogueVersion } from '../rules/rules.domain';

export type CaseKind = 'objection' | 'repair';
/** `SUPERSEDED`: a repair application closed because an upheld objection retracted its record. */
export type CaseStatus = 'OPEN' | 'UPHELD' | 'REJECTED' | 'APPROVED' | 'SUPERSEDED';

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

export const STATUS_LABELS: Record<CaseStatus, string> = { OPEN: '处理中', UPHELD: '异议成立', REJECTED: '未通过', APPROVED: '已修复', SUPERSEDED: '记录已撤销' };

export const CASE_STATUSES = ['OPEN', 'UPHELD', 'REJECTED', 'APPROVED', 'SUPERSEDED'] as const satisfies readonly CaseStatus[];

/** The answer a superseded repair application carries. */
export const SUPERSEDED_ANSWER = '对该记录的异议成立，记录已撤销，不再计分，无需修复';

export type Decision = 'uphold' | 'reject' | 'approve';

/**
 * What answering a case does, from the event as read (pure). The repository writes exactly this:
 * the case's status, the event's open flag removed and — when the answer changes what counts —
 * the event's state, each under a condition that the field still holds what was read.
 * - Objection rejected / repair rejected: only the flag goes; the record keeps counting.
 * - Objection upheld: the record is retracted (it never counts), from `recorded` or from
 *   `repaired` (a wrong record is removed even if it was repaired meanwhile). A repair still open
 *   on it is closed as SUPERSEDED in the same transaction, so it cannot be left open.
 * - Repair approved: only a `recorded` record becomes `repaired`; one already retracted (or
 *   repaired) leaves nothing to repair, and the application is closed as SUPERSEDED.
 */
export interface ClosePlan {
  status: Exclude<CaseStatus, 'OPEN'>;
  /** The event's new state; absent when the answer leaves it as it is. */
  nextState?: 'retracted' | 'repaired';
  /** The open repair on the same event that this answer closes as SUPERSEDED. */
  supersedesRepairId?: string;
}

export function closePlan(kind: CaseKind, decision: Decision, event: Pick<CreditEvent, 'state' | 'openRepairId'>): ClosePlan {
  if (decision === 'reject') return { status: 'REJECTED' };
  if (kind === 'objection') {
    if (event.state === 'retracted') return { status: 'UPHELD' };
    return { status: 'UPHELD', nextState: 'retracted', ...(event.openRepairId ? { supersedesRepairId: event.openRepairId } : {}) };
  }
  if (event.state !== 'recorded') return { status: 'SUPERSEDED' };
  return { status: 'APPROVED', nextState: 'repaired' };
}

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
