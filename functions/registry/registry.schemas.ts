import { z } from 'zod';
import { TAX_GRADE_ORDER } from '../loans/loans.domain';
import { REGISTRY_STATUSES } from './registry.domain';

export const MAX_ITEMS_PER_CALL = 500;

/** One registry entry as the market-regulation department sends it (judged item by item). */
export const enterpriseItemSchema = z.strictObject({
  uscc: z.string().max(40),
  name: z.string().trim().min(2, '企业名称至少 2 个字').max(100),
  legalRepresentative: z.string().trim().min(1, '请填写法定代表人').max(50),
  establishedOn: z.iso.date('成立日期应为 YYYY-MM-DD').describe('成立日期（营业执照）'),
  status: z.enum(REGISTRY_STATUSES).describe('active 存续 · revoked 吊销 · cancelled 注销'),
});

/** One tax credit grade as the tax department sends it. */
export const taxGradeItemSchema = z.strictObject({
  uscc: z.string().max(40),
  year: z.number().int().describe('评价年度'),
  grade: z.enum(TAX_GRADE_ORDER).describe('纳税信用等级 A/B/M/C/D（M：新设立或未评价）'),
});

export type EnterpriseItem = z.infer<typeof enterpriseItemSchema>;
export type TaxGradeItem = z.infer<typeof taxGradeItemSchema>;

// Each item is validated on its own inside the use case, so the body only needs to be a list.
export const enterpriseFeedBody = z.strictObject({
  items: z.array(z.unknown()).min(1, '至少报送 1 条').meta({ items: enterpriseItemSchema }),
});
export const taxGradeFeedBody = z.strictObject({
  items: z.array(z.unknown()).min(1, '至少报送 1 条').meta({ items: taxGradeItemSchema }),
});

export const feedResponse = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
});
export type FeedResult = z.infer<typeof feedResponse>;
