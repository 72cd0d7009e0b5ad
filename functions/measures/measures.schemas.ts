import { z } from 'zod';
import { CHECK_PURPOSES } from './measures.domain';

export const measureSchema = z.strictObject({
  id: z.string().regex(/^M-[A-Z]+-\d{2}$/, '措施编号形如 M-COURT-01'),
  title: z.string().trim().min(2).max(40),
  description: z.string().trim().min(2).max(300),
  legalBasis: z.string().trim().min(4).max(300),
  listType: z.string().trim().min(2).max(40),
  ruleIds: z.array(z.string().regex(/^[A-Z]-[A-Z]{3}-\d{2}$/)).min(1).max(20),
  severity: z.enum(['light', 'general', 'serious']),
  durationMonths: z.number().int().min(1).max(60),
  affects: z.array(z.enum(['incentives', 'loans'])),
  /** Measures saved before purposes existed restrict none. */
  purposes: z.array(z.enum(CHECK_PURPOSES)).default([]),
  howToExit: z.string().trim().min(4).max(300),
});

export const measuresResponse = z.object({ items: z.array(measureSchema.extend({ updatedAt: z.string() })), nextCursor: z.null() });

export const myMeasuresResponse = z.object({
  items: z.array(
    z.object({
      measure: measureSchema,
      because: z.object({ eventId: z.string(), ruleId: z.string(), title: z.string() }),
      until: z.string(),
      affectsLabels: z.array(z.string()),
    }),
  ),
});

export type MyMeasuresResponse = z.infer<typeof myMeasuresResponse>;
