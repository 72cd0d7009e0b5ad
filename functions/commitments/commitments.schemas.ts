import { z } from 'zod';
import { COMMITMENT_TYPES, TEMPLATE_STATUSES } from './commitments.domain';

const severity = z.enum(['light', 'general', 'serious']);
const clauses = z.array(z.string().trim().min(4, '每条条款至少 4 个字').max(300, '每条条款最多 300 字')).min(1, '至少 1 条条款').max(12, '最多 12 条条款');

export const templateView = z.object({
  id: z.string(),
  type: z.enum(COMMITMENT_TYPES).describe('proactive 主动型 · approval 审批替代型（告知承诺） · industry 行业自律型 · repair 信用修复型'),
  typeLabel: z.string(),
  title: z.string(),
  clauses: z.array(z.string()),
  subjectMatter: z.object({ label: z.string(), required: z.boolean() }).describe('what the subject matter of this type is, and whether signing needs one'),
  status: z.enum(TEMPLATE_STATUSES),
  updatedAt: z.string(),
});
export const templatesResponse = z.object({ items: z.array(templateView), nextCursor: z.null() });

export const templateCreateBody = z.strictObject({
  type: z.enum(COMMITMENT_TYPES),
  title: z.string().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 字'),
  clauses,
});
export const templateUpdateBody = z.strictObject({
  title: z.string().trim().min(4, '标题至少 4 个字').max(60, '标题最多 60 字'),
  clauses,
  status: z.enum(TEMPLATE_STATUSES).describe('retired: no longer offered for signing (signed commitments stay)'),
  expectedUpdatedAt: z.string().min(1).describe('updatedAt of the version being edited'),
});
export const templateIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const signBody = z.strictObject({
  templateId: z.string().min(1).max(64),
  subjectMatter: z.string().trim().min(2, '承诺事项至少 2 个字').max(200, '承诺事项最多 200 字').optional().describe('required by the approval (告知承诺) and repair types'),
});
export const signResponse = z.object({ id: z.string(), signedAt: z.string() });

export const breachView = z.object({
  reason: z.string(),
  occurredOn: z.string(),
  severity,
  severityLabel: z.string(),
  departmentName: z.string(),
  recordedAt: z.string(),
});

export const commitmentView = z.object({
  id: z.string(),
  templateId: z.string(),
  type: z.enum(COMMITMENT_TYPES),
  typeLabel: z.string(),
  title: z.string(),
  clauses: z.array(z.string()).describe('as signed'),
  subjectMatter: z.string().optional(),
  signedAt: z.string(),
  breach: breachView.optional().describe('违诺: shown publicly'),
});
export const commitmentsResponse = z.object({ items: z.array(commitmentView), nextCursor: z.null() });

export const breachBody = z.strictObject({
  reason: z.string().trim().min(4, '违诺事由至少 4 个字').max(500, '违诺事由最多 500 字'),
  occurredOn: z.iso.date('违诺日期应为 YYYY-MM-DD'),
  severity,
});
export const commitmentIdParams = z.strictObject({ id: z.string().min(1).max(64) });
export const breachResponse = z.object({
  commitmentId: z.string(),
  breach: breachView,
  record: z.object({ sourceId: z.string(), ruleId: z.string() }).describe('the business’s credit record for the breach (department, sourceId)'),
});

export type TemplateView = z.infer<typeof templateView>;
export type CommitmentView = z.infer<typeof commitmentView>;
export type BreachView = z.infer<typeof breachView>;
export type SignBody = z.infer<typeof signBody>;
export type BreachBody = z.infer<typeof breachBody>;
export type TemplateCreateBody = z.infer<typeof templateCreateBody>;
export type TemplateUpdateBody = z.infer<typeof templateUpdateBody>;
