import { z } from 'zod';

export const pointsResponse = z.object({
  points: z.number().int(),
  tier: z.object({ code: z.string(), label: z.string() }),
  dimensions: z.array(z.object({ code: z.string(), label: z.string(), points: z.number().int() })),
  asOf: z.string().describe('ISO-8601'),
  nextChangeAt: z.string().nullable().describe('when an event next starts or stops counting'),
});

export const eventStatus = z.enum(['active', 'expired', 'repaired', 'disputed']);

export const creditEventView = z.object({
  id: z.string(),
  ruleId: z.string(),
  title: z.string(),
  dimension: z.string(),
  dimensionLabel: z.string(),
  points: z.number().int().describe('the rule points of one such event'),
  countedPoints: z.number().int().describe('what the event adds now, after yearly caps and expiry'),
  occurredAt: z.string(),
  countsUntil: z.string(),
  status: eventStatus,
  severity: z.enum(['light', 'general', 'serious']).optional(),
  department: z.string().describe('name of the reporting department'),
  departmentId: z.string(),
  legalBasis: z.string(),
  ruleVersion: z.number().int(),
  repairableFrom: z.string().optional().describe('negative records: when credit repair may be applied for'),
  openObjectionId: z.string().optional().describe('an objection is being handled (异议处理中)'),
  openRepairId: z.string().optional().describe('a credit-repair application is waiting for a decision'),
});

export const eventsPage = z.object({ items: z.array(creditEventView), nextCursor: z.string().nullable() });

export const trendResponse = z.object({
  items: z.array(z.object({ month: z.string().describe('YYYY-MM'), points: z.number().int() })),
});

export const realNameBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[\u4e00-\u9fa5·]+$/, '请输入身份证上的中文姓名'),
  idNumber: z.string().trim().length(18, '身份证号码应为 18 位'),
  consent: z.literal(true, { error: '请阅读并同意《个人敏感信息处理授权书》' }),
  consentVersion: z.string().min(1).max(20),
});

export type PointsResponse = z.infer<typeof pointsResponse>;
export type CreditEventView = z.infer<typeof creditEventView>;
export type EventsPage = z.infer<typeof eventsPage>;
export type TrendResponse = z.infer<typeof trendResponse>;
export type RealNameBody = z.infer<typeof realNameBody>;
