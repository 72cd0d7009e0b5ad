import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) => z.string().regex(DATE, `${label}应为 YYYY-MM-DD`);
const text = (max: number) => z.string().max(max, `不能超过 ${max} 个字`);

/**
 * One 双公示 item as a department sends it (the national standard's fields). Every field but
 * `kind` and `sourceId` is optional here: a revocation (`status: "revoked"`) needs only those two,
 * and which fields a licence or a penalty requires is checked per item with a Chinese message
 * (disclosures.domain `validateDisclosure`), so one bad item never rejects the batch.
 */
export const disclosureItemSchema = z.strictObject({
  kind: z.enum(['license', 'penalty']).describe('license: 行政许可 (XK); penalty: 行政处罚 (CF)'),
  sourceId: z.string().min(1).max(48).regex(/^[0-9A-Za-z_.:\-/]+$/, '只能包含字母、数字和 _ . : - /').describe('the department’s own id of the decision: re-sending it is idempotent'),
  status: z.enum(['published', 'revoked']).optional().describe('revoked: the decision was withdrawn (its credit record too); default published'),
  uscc: z.string().max(32).optional().describe('统一社会信用代码 of the party (required unless revoked)'),
  partyName: text(100).optional().describe('行政相对人名称'),
  decisionNo: text(64).optional().describe('行政许可决定文书号 / 行政处罚决定书文号'),
  decidedOn: date('决定日期').optional().describe('许可决定日期 / 处罚决定日期 (China date)'),
  category: text(50).optional().describe('许可类别 (普通/特许/认可/核准/登记/其他) / 处罚类别 (警告、罚款、没收违法所得…)'),
  content: text(500).optional().describe('许可内容 / 处罚内容'),
  legalBasis: text(300).optional().describe('许可依据 / 处罚依据'),
  severity: z.enum(['light', 'general', 'serious']).optional().describe('penalties only: 失信程度; absent = light (not published)'),
  fineYuan: z.number().min(0, '罚款金额不能为负数').max(1e12).optional().describe('penalties only: 罚款金额（元）'),
  validFrom: date('有效期自').optional().describe('licences only (required): 有效期自'),
  validTo: date('有效期至').optional().describe('licences only (required): 有效期至'),
  simpleProcedure: z.boolean().optional().describe('penalties only: decided by simple procedure (简易程序) — never published'),
  publicityEndsOn: date('公示截止期').optional().describe('penalties only: 公示截止期, within the severity’s minimum and maximum; default the maximum'),
});

export type DisclosureItemInput = z.infer<typeof disclosureItemSchema>;

export const publishBody = z.strictObject({
  items: z.array(z.unknown()).min(1, '至少报送 1 条').max(500, '每次最多报送 500 条').meta({ items: disclosureItemSchema }),
});

export const publishResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
  late: z.array(z.number().int()).describe('indexes of decisions sent more than 7 working days after decidedOn'),
});

const decisionView = {
  kind: z.enum(['license', 'penalty']),
  uscc: z.string(),
  partyName: z.string(),
  decisionNo: z.string(),
  decidedOn: z.string(),
  category: z.string(),
  content: z.string(),
  legalBasis: z.string(),
  authorityName: z.string(),
  authorityUscc: z.string().optional(),
  severity: z.enum(['light', 'general', 'serious']).optional(),
  fineYuan: z.number().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
};

export const departmentDisclosureView = z.object({
  ...decisionView,
  sourceId: z.string(),
  status: z.enum(['published', 'revoked']),
  simpleProcedure: z.boolean().optional(),
  publicityEndsOn: z.string().optional(),
  receivedAt: z.string().describe('first receipt'),
  updatedAt: z.string(),
  revokedAt: z.string().optional(),
  late: z.boolean().describe('sent more than 7 working days after decidedOn'),
  deadline: z.string().describe('the end of the 7th working day after the decision'),
  publicUntil: z.string().nullable().describe('penalties: the instant publication ends (maximum, 公示截止期 or an approved repair); null: a licence (no end) or never published'),
  published: z.boolean().describe('on public view now'),
  creditRecordState: z.enum(['recorded', 'repaired', 'retracted', 'none']).describe('the credit record a penalty produced'),
});

export const listResponse = z.object({ items: z.array(departmentDisclosureView), nextCursor: z.string().nullable() });

export const publicLicenseView = z.object({
  decisionNo: z.string(),
  partyName: z.string(),
  uscc: z.string(),
  category: z.string(),
  content: z.string(),
  legalBasis: z.string(),
  decidedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  authorityName: z.string(),
  authorityUscc: z.string().optional(),
});

export const publicPenaltyView = z.object({
  decisionNo: z.string(),
  partyName: z.string(),
  uscc: z.string(),
  category: z.string(),
  content: z.string(),
  legalBasis: z.string(),
  decidedOn: z.string(),
  severity: z.enum(['general', 'serious']),
  fineYuan: z.number().optional(),
  authorityName: z.string(),
  authorityUscc: z.string().optional(),
  publicUntil: z.string().describe('the instant publication ends'),
  lastPublicDay: z.string().describe('公示至: the last China date the penalty is public (the day before the one publicUntil begins)'),
  repairableFrom: z.string().describe('from this instant the business may apply for credit repair to end publication early'),
});

export const declaredCountBody = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM'),
  count: z.number().int('决定数应为整数').min(0, '决定数不能为负数').max(100000),
});

export const declaredCountResponse = z.object({
  month: z.string(),
  declared: z.number().int(),
  received: z.number().int(),
  missing: z.number().int(),
});

export const timelinessQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(36).default(12),
});

const monthStats = z.object({
  month: z.string(),
  onTime: z.number().int(),
  late: z.number().int(),
  declared: z.number().int().nullable(),
  missing: z.number().int().nullable().describe('declared − received, where the department declared its count'),
});

export const timelinessResponse = z.object({
  months: z.array(z.string()),
  departments: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int().nullable(),
      onTimeRate: z.number().nullable().describe('0–1; null without decisions'),
      monthly: z.array(monthStats),
    }),
  ),
  trend: z.array(monthStats.extend({ onTimeRate: z.number().nullable() })),
});

export type DepartmentDisclosureView = z.infer<typeof departmentDisclosureView>;
export type TimelinessResponse = z.infer<typeof timelinessResponse>;
export type DeclaredCountResponse = z.infer<typeof declaredCountResponse>;
