import { z } from 'zod';
import { commitmentView } from '../commitments/commitments.schemas';
import { publicLicenseView, publicPenaltyView } from '../disclosures/disclosures.schemas';
import { REGISTRY_STATUSES } from '../registry/registry.domain';

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入统一社会信用代码或企业名称').max(100, '查询内容最多 100 字').describe('a USCC (exact) or at least 2 characters of a name'),
});
export const searchResponse = z.object({
  items: z.array(z.object({ uscc: z.string(), name: z.string(), status: z.enum(REGISTRY_STATUSES), statusLabel: z.string() })).max(20),
  nextCursor: z.null(),
});

export const usccParams = z.strictObject({ uscc: z.string().min(1).max(40) });

export const repairGuidance = z.object({ title: z.string(), text: z.string(), steps: z.array(z.string()) });

export const publicEnterprise = z.object({
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string().describe('masked: surname only (王*)'),
  establishedOn: z.string(),
  status: z.enum(REGISTRY_STATUSES),
  statusLabel: z.string(),
  licenses: z.array(publicLicenseView).describe('行政许可 (双公示) that stand'),
  penalties: z.array(publicPenaltyView).describe('行政处罚 inside their publicity period only, never by simple procedure'),
  commitments: z.array(commitmentView).describe('newest first, with their breaches'),
  repairGuidance: repairGuidance.optional().describe('「信用修复」: shown while a penalty or a breach is public'),
});

export type SearchResponse = z.infer<typeof searchResponse>;
export type PublicEnterprise = z.infer<typeof publicEnterprise>;
export type RepairGuidance = z.infer<typeof repairGuidance>;
