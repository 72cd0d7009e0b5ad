import { BREACH_SEVERITY_LABELS, COMMITMENT_TYPE_LABELS, SUBJECT_MATTER, type Breach, type Commitment, type CommitmentTemplate } from './commitments.domain';
import type { BreachView, CommitmentView, TemplateView } from './commitments.schemas';

export const templateViewOf = (t: CommitmentTemplate): TemplateView => ({
  id: t.id,
  type: t.type,
  typeLabel: COMMITMENT_TYPE_LABELS[t.type],
  title: t.title,
  clauses: t.clauses,
  subjectMatter: SUBJECT_MATTER[t.type],
  status: t.status,
  updatedAt: t.updatedAt,
});

/** A breach as anyone may see it: no names of staff, only the department. */
export const breachViewOf = (b: Breach): BreachView => ({
  reason: b.reason,
  occurredOn: b.occurredOn,
  severity: b.severity,
  severityLabel: BREACH_SEVERITY_LABELS[b.severity],
  departmentName: b.departmentName,
  recordedAt: b.recordedAt,
});

/** A commitment as it is public on the business's page (newest first where listed). */
export const commitmentViewOf = (c: Commitment): CommitmentView => ({
  id: c.id,
  templateId: c.templateId,
  type: c.type,
  typeLabel: COMMITMENT_TYPE_LABELS[c.type],
  title: c.title,
  clauses: c.clauses,
  ...(c.subjectMatter ? { subjectMatter: c.subjectMatter } : {}),
  signedAt: c.signedAt,
  ...(c.breach ? { breach: breachViewOf(c.breach) } : {}),
});

export const newestFirst = (items: readonly Commitment[]) => [...items].sort((a, b) => b.signedAt.localeCompare(a.signedAt));
