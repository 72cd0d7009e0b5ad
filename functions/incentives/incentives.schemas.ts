import { z } from 'zod';
import { CATEGORIES } from './incentives.domain';

const categoryCodes = CATEGORIES.map((c) => c.code) as [string, ...string[]];

export const incentiveView = z.object({
  id: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  title: z.string(),
  benefit: z.string(),
  description: z.string(),
  minPoints: z.number().int(),
  quota: z.object({ count: z.number().int(), period: z.enum(['day', 'month']) }),
  totalStock: z.number().int().optional(),
  stockLeft: z.number().int().optional(),
  validFrom: z.string(),
  validUntil: z.string(),
  excludeSerious: z.boolean(),
  active: z.boolean(),
  merchants: z.array(z.object({ id: z.string(), name: z.string() })),
  updatedAt: z.string(),
  eligible: z.boolean().optional().describe('residents only'),
  reasons: z.array(z.string()).optional().describe('residents only: why not, in Chinese'),
  remainingQuota: z.number().int().optional().describe('residents only'),
});

export const incentivesResponse = z.object({ items: z.array(incentiveView), nextCursor: z.null() });

export const incentiveIdParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{2,40}$/, '场景编号格式不正确') });

export const passResponse = z.object({ pass: z.string(), passId: z.string(), expiresAt: z.string(), ttlSeconds: z.number().int() });

export const passStatusParams = z.strictObject({ passId: z.string().regex(/^[A-Za-z0-9_-]{12}$/, '凭证编号格式不正确') });

export const passStatusResponse = z.object({
  status: z.enum(['active', 'used', 'expired', 'refused']).describe('refused: a merchant scanned it and it was not accepted (the pass stays unused)'),
  expiresAt: z.string(),
  redeemedAt: z.string().optional(),
  merchantName: z.string().optional(),
  refusal: z
    .object({ code: z.string(), reasons: z.array(z.string()), at: z.string(), merchantName: z.string() })
    .optional()
    .describe('the owner only: why the last scan was refused (the merchant was told only the verdict)'),
});

export const redeemBody = z.strictObject({ pass: z.string().max(200) });

export const redemptionResponse = z.object({
  id: z.string(),
  incentiveId: z.string(),
  incentiveTitle: z.string(),
  benefit: z.string(),
  resident: z.object({ maskedName: z.string() }),
  redeemedAt: z.string(),
  remainingQuota: z.number().int(),
  quotaPeriod: z.enum(['day', 'month']),
});

export const redemptionView = z.object({
  id: z.string(),
  incentiveId: z.string(),
  incentiveTitle: z.string(),
  benefit: z.string(),
  merchant: z.object({ id: z.string(), name: z.string() }),
  resident: z.object({ maskedName: z.string() }),
  redeemedAt: z.string(),
});

export const redemptionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).regex(/^[A-Za-z0-9_-]+$/).optional(),
  from: z.iso.date().optional().describe('merchants: first day (China time), YYYY-MM-DD'),
  to: z.iso.date().optional().describe('merchants: last day (China time), YYYY-MM-DD'),
});

export const redemptionsPage = z.object({
  items: z.array(redemptionView),
  nextCursor: z.string().nullable(),
  todayCount: z.number().int().optional().describe('merchants: redemptions today'),
});

export const incentiveInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  category: z.enum(categoryCodes),
  title: z.string().trim().min(2).max(40),
  benefit: z.string().trim().min(2).max(60),
  description: z.string().trim().max(500).default(''),
  minPoints: z.number().int().min(0).max(200),
  quota: z.strictObject({ count: z.number().int().min(1).max(100), period: z.enum(['day', 'month']) }),
  totalStock: z.number().int().min(1).max(10_000_000).optional(),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }),
  excludeSerious: z.boolean().default(true),
  merchantIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  active: z.boolean().default(true),
});

export const incentiveUpdate = incentiveInput.omit({ id: true }).extend({ expectedUpdatedAt: z.string().min(1) });

export type IncentiveView = z.infer<typeof incentiveView>;
export type IncentivesResponse = z.infer<typeof incentivesResponse>;
export type PassResponse = z.infer<typeof passResponse>;
export type PassStatusResponse = z.infer<typeof passStatusResponse>;
export type RedemptionResponse = z.infer<typeof redemptionResponse>;
export type RedemptionView = z.infer<typeof redemptionView>;
export type RedemptionsPage = z.infer<typeof redemptionsPage>;
export type IncentiveInput = z.infer<typeof incentiveInput>;
export type IncentiveUpdate = z.infer<typeof incentiveUpdate>;
