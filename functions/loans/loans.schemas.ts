import { z } from 'zod';
import { creditEventView } from '../points/points.schemas';
import { REGISTRY_STATUSES } from '../registry/registry.domain';
import { STATUSES } from './loans.domain';

const grade = z.enum(['A', 'B', 'C', 'D']);
const taxGrade = z.enum(['A', 'B', 'M', 'C', 'D']);

export const criteriaSchema = z.strictObject({
  minGrade: grade,
  noSeriousDishonesty: z.boolean(),
  maxPenalties12m: z.number().int().min(0).max(100),
  minYearsOperating: z.number().min(0).max(50),
  minTaxGrade: taxGrade,
});

export const productView = z.object({
  id: z.string(),
  bankId: z.string(),
  bankName: z.string(),
  name: z.string(),
  description: z.string(),
  minAmount: z.number().int(),
  maxAmount: z.number().int(),
  minTermMonths: z.number().int(),
  maxTermMonths: z.number().int(),
  annualRateMin: z.number(),
  annualRateMax: z.number(),
  criteria: criteriaSchema,
  status: z.enum(['active', 'withdrawn']),
  updatedAt: z.string(),
  eligible: z.boolean().optional().describe('enterprise users: all criteria met'),
  failedCriteria: z.array(z.string()).optional().describe('enterprise users: the details of unmet criteria'),
});

export const productsResponse = z.object({ items: z.array(productView), nextCursor: z.null() });

export const productsQuery = z.strictObject({
  amount: z.coerce.number().int().min(1).max(100_000_000).optional(),
  termMonths: z.coerce.number().int().min(1).max(360).optional(),
  mine: z.enum(['true', 'false']).optional().describe('banks: include own withdrawn products'),
});

export const productIdParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{2,60}$/, '产品编号格式不正确') });

export const productInput = z
  .strictObject({
    name: z.string().trim().min(2).max(30),
    description: z.string().trim().max(500).default(''),
    minAmount: z.number().int().min(1000).max(100_000_000),
    maxAmount: z.number().int().min(1000).max(100_000_000),
    minTermMonths: z.number().int().min(1).max(360),
    maxTermMonths: z.number().int().min(1).max(360),
    annualRateMin: z.number().min(0.1).max(36),
    annualRateMax: z.number().min(0.1).max(36),
    criteria: criteriaSchema,
  })
  .refine((p) => p.minAmount <= p.maxAmount, { message: '最低额度不能高于最高额度', path: ['minAmount'] })
  .refine((p) => p.minTermMonths <= p.maxTermMonths, { message: '最短期限不能长于最长期限', path: ['minTermMonths'] })
  .refine((p) => p.annualRateMin <= p.annualRateMax, { message: '最低利率不能高于最高利率', path: ['annualRateMin'] });

export const productUpdate = z.strictObject({ product: productInput, expectedUpdatedAt: z.string().min(1) });

export const eligibilityResponse = z.object({
  eligible: z.boolean(),
  criteria: z.array(z.object({ code: z.string(), label: z.string(), passed: z.boolean(), detail: z.string() })),
});

export const authorizationBody = z.strictObject({ bankId: z.string().min(1).max(64), days: z.number().int().min(1).max(365) });
export const authorizationIdParams = z.strictObject({ id: z.string().regex(/^au-[0-9a-f-]{36}$/, '授权编号格式不正确') });
export const authorizationView = z.object({
  id: z.string(),
  bankId: z.string(),
  bankName: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
  status: z.enum(['active', 'expired', 'revoked']),
});

export const applicationBody = z.strictObject({
  productId: z.string().regex(/^[a-z0-9-]{2,60}$/),
  amount: z.number().int().min(1),
  termMonths: z.number().int().min(1).max(360),
  purpose: z.string().trim().min(4, '请说明贷款用途（至少 4 个字）').max(200),
});

export const applicationIdParams = z.strictObject({ id: z.string().regex(/^la-[0-9a-f-]{36}$/, '申请编号格式不正确') });

export const historyView = z.object({ status: z.enum(STATUSES), statusLabel: z.string(), at: z.string(), by: z.string(), byRole: z.string(), reason: z.string().optional() });

export const applicationView = z.object({
  id: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  product: z.object({ id: z.string(), name: z.string() }),
  bank: z.object({ id: z.string(), name: z.string() }),
  enterprise: z.object({ id: z.string(), name: z.string(), uscc: z.string() }),
  amount: z.number().int(),
  termMonths: z.number().int(),
  purpose: z.string(),
  submittedAt: z.string(),
  deadline: z.string().describe('the bank must decide by then (10 working days)'),
  overdue: z.boolean(),
  decisionReason: z.string().optional(),
  disbursedAmount: z.number().int().optional(),
  history: z.array(historyView),
});

export const applicationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1024).regex(/^[A-Za-z0-9_-]+$/).optional(),
  status: z.enum(STATUSES).optional(),
  overdue: z.enum(['true']).optional(),
});

export const applicationsPage = z.object({ items: z.array(applicationView), nextCursor: z.string().nullable() });

export const decisionBody = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(300).optional() })
  .refine((b) => b.decision === 'approve' || (b.reason !== undefined && b.reason.length >= 4), { message: '拒绝时必须填写理由（至少 4 个字）', path: ['reason'] });

export const disbursementBody = z.strictObject({ amount: z.number().int().min(1) });

export type ProductView = z.infer<typeof productView>;
export type ApplicationView = z.infer<typeof applicationView>;
export type ApplicationBody = z.infer<typeof applicationBody>;
export type EligibilityResponse = z.infer<typeof eligibilityResponse>;
export type AuthorizationView = z.infer<typeof authorizationView>;

export const bankReport = z.object({
  enterprise: z.object({
    name: z.string(),
    uscc: z.string(),
    legalRepresentative: z.string().describe('masked'),
    establishedOn: z.string().optional().describe('from the enterprise registry'),
    registryStatus: z.enum(REGISTRY_STATUSES).optional().describe('from the enterprise registry; absent when it holds no entry'),
    registryStatusLabel: z.string().describe('存续 / 吊销 / 注销 / 未在登记信息中'),
    taxCreditGrade: z.string().describe('from the tax department; M until it has rated the business'),
    taxGradeYear: z.number().int().optional(),
  }),
  grade: z.enum(['A', 'B', 'C', 'D']),
  score: z.number().int(),
  drivers: z.array(z.string()),
  penalties12m: z.number().int(),
  records: z.array(creditEventView),
  generatedAt: z.string(),
});

export type BankReport = z.infer<typeof bankReport>;
