/**
 * Credit commitments (信用承诺), pure. The credit centre publishes templates of four types; a
 * business signs one (with the subject matter where the type names one) and the commitment is
 * public with its date. A department records a breach (违诺), which becomes the business's credit
 * record by the catalogue rule for its severity; a business that breached a 告知承诺 may not sign
 * another of that type until that record is repaired (国办发〔2020〕42号).
 */
import type { CreditEvent } from '../credit/credit.types';
import type { Severity } from '../rules/rules.domain';

export const COMMITMENT_TYPES = ['proactive', 'approval', 'industry', 'repair'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  proactive: '主动型',
  approval: '审批替代型（告知承诺）',
  industry: '行业自律型',
  repair: '信用修复型',
};

/** What the subject matter of each type is called, and whether the type needs one. */
export const SUBJECT_MATTER: Record<CommitmentType, { label: string; required: boolean }> = {
  proactive: { label: '承诺事项（可不填）', required: false },
  approval: { label: '告知承诺的审批事项', required: true },
  industry: { label: '所属行业或自律公约', required: false },
  repair: { label: '申请修复的失信行为', required: true },
};

export const BREACH_SEVERITY_LABELS: Record<Severity, string> = { light: '轻微', general: '一般', serious: '严重' };

/** The catalogue rule that turns a breach of each severity into a credit record (catalogue-v1.ts). */
export const BREACH_RULES: Record<Severity, string> = { light: 'E-ETH-03', general: 'E-ETH-04', serious: 'E-ETH-05' };

export const TEMPLATE_STATUSES = ['published', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export interface CommitmentTemplate {
  id: string;
  type: CommitmentType;
  title: string;
  /** The clauses the signer agrees to, in order. */
  clauses: string[];
  status: TemplateStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Breach {
  reason: string;
  /** China calendar day, `YYYY-MM-DD`. */
  occurredOn: string;
  severity: Severity;
  department: string;
  departmentName: string;
  recordedAt: string;
  recordedBy: string;
  /** The credit record's sourceId (department, sourceId): one record per breach, however often it is sent. */
  sourceId: string;
}

export interface Commitment {
  id: string;
  uscc: string;
  orgId: string;
  enterpriseName: string;
  templateId: string;
  type: CommitmentType;
  title: string;
  /** The clauses as signed: a later edit of the template does not change what was promised. */
  clauses: string[];
  subjectMatter?: string;
  signedAt: string;
  signedBy: string;
  breach?: Breach;
}

/** The sourceId of a breach's credit record: one commitment, one breach, one record. */
export const breachSourceId = (commitmentId: string) => `CMT-BREACH:${commitmentId}`;

/** The subject matter as stored, or a message saying why it is refused (null: fine). */
export function subjectMatterProblem(type: CommitmentType, subjectMatter: string | undefined): string | null {
  if (SUBJECT_MATTER[type].required && !subjectMatter) return `${COMMITMENT_TYPE_LABELS[type]}承诺须填写${SUBJECT_MATTER[type].label}`;
  return null;
}

/**
 * Whether a breach still bars the business from signing another 告知承诺: until its credit record
 * is repaired (or retracted, or no longer counts). A breach whose record is not found bars too —
 * the breach stands even while its record is being written.
 */
export function breachStillBars(breach: Breach, events: readonly CreditEvent[], now: Date): boolean {
  const record = events.find((e) => e.sourceId === breach.sourceId && e.department === breach.department);
  if (!record) return true;
  if (record.state === 'retracted') return false;
  if (record.state === 'repaired' && record.endedAt !== undefined && Date.parse(record.endedAt) <= now.getTime()) return false;
  return Date.parse(record.countsUntil) > now.getTime();
}

/** The 告知承诺 breaches of a business that still bar a new one of that type. */
export function barringBreaches(commitments: readonly Commitment[], events: readonly CreditEvent[], now: Date): Commitment[] {
  return commitments.filter((c) => c.type === 'approval' && c.breach && breachStillBars(c.breach, events, now));
}
