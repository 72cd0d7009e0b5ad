import { z } from 'zod';
import { REGISTRY_STATUSES } from '../registry/registry.domain';
import { CHECK_PURPOSES, MAX_SUBJECTS_PER_CHECK, VERDICTS } from './credit-checks.domain';

export const creditCheckBody = z.strictObject({
  purpose: z.enum(CHECK_PURPOSES, { error: '请选择核查用途：政府采购、招标投标、行政审批、评优评先或财政补贴' }),
  subjects: z
    .array(z.string().max(40, '统一社会信用代码应为 18 位'))
    .min(1, '至少填写 1 个统一社会信用代码')
    .max(MAX_SUBJECTS_PER_CHECK, `每次最多核查 ${MAX_SUBJECTS_PER_CHECK} 家企业`)
    .describe('unified social credit codes (GB 32100), one per business; repeated codes are checked once'),
});

export const checkResult = z.object({
  uscc: z.string(),
  name: z.string().describe('as the enterprise registry holds it; empty when not found'),
  verdict: z.enum(VERDICTS),
  reasons: z.array(z.string()).describe('why restricted, or why not found; empty when clear'),
  notes: z.array(z.string()).describe('what the department may want to know without restricting (a light penalty)'),
  registryStatus: z.enum(REGISTRY_STATUSES).optional(),
});

const summary = z.object({ total: z.number().int(), clear: z.number().int(), restricted: z.number().int(), notFound: z.number().int() });

export const creditCheckResponse = z.object({
  id: z.string(),
  purpose: z.enum(CHECK_PURPOSES),
  createdAt: z.string(),
  summary,
  results: z.array(checkResult),
  report: z.record(z.string(), z.unknown()).describe('the signed report, to send back unchanged to POST /api/reports/verify'),
  signature: z.string().describe('Ed25519 over the canonical JSON of report (base64url)'),
});

export const creditChecksPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      purpose: z.enum(CHECK_PURPOSES),
      purposeLabel: z.string(),
      createdAt: z.string(),
      summary,
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type CreditCheckBody = z.infer<typeof creditCheckBody>;
export type CreditCheckResponse = z.infer<typeof creditCheckResponse>;
export type CreditChecksPage = z.infer<typeof creditChecksPage>;
