import { z } from 'zod';
import { DIMENSIONS } from '../points/points.domain';

const dimensionCodes = DIMENSIONS.map((d) => d.code) as [string, ...string[]];

export const ruleInput = z.strictObject({
  id: z.string().regex(/^[A-Z]-[A-Z]{3}-\d{2}$/, '规则编号形如 P-LAW-01'),
  title: z.string().trim().min(2).max(60),
  dimension: z.enum(dimensionCodes),
  subjectType: z.enum(['person', 'enterprise']),
  points: z.number().int().min(-50).max(50),
  yearlyCap: z.number().int().min(1).max(200),
  validityMonths: z.number().int().min(1).max(60),
  severity: z.enum(['light', 'general', 'serious']).optional(),
  minPublicationMonths: z.number().int().min(0).max(36).optional(),
  legalBasis: z.string().trim().min(2).max(300),
  department: z.string().min(1).max(64),
});

export const ruleView = ruleInput.extend({
  dimensionLabel: z.string(),
  departmentName: z.string(),
});

export const rulesResponse = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  items: z.array(ruleView),
  nextCursor: z.null(),
});

export const publishVersionBody = z.strictObject({
  effectiveFrom: z.iso.datetime({ offset: true }),
  note: z.string().trim().min(2).max(200),
  rules: z.array(ruleInput).min(1).max(500),
});

export const versionsResponse = z.object({
  items: z.array(z.object({ version: z.number(), effectiveFrom: z.string(), publishedAt: z.string(), publishedBy: z.string(), note: z.string(), ruleCount: z.number() })),
  nextCursor: z.null(),
});

export type RuleView = z.infer<typeof ruleView>;
export type RulesResponse = z.infer<typeof rulesResponse>;
export type PublishVersionBody = z.infer<typeof publishVersionBody>;
