import { z } from 'zod';
import { creditEventView } from '../points/points.schemas';
import { REGISTRY_STATUSES } from '../registry/registry.domain';

/**
 * What the registrant says about the business: only its code is needed. A name or legal
 * representative, when given, must match the enterprise registry; the founding date and tax grade
 * come from the registries, so the body has no place for them (an unknown field is refused).
 */
export const registerBody = z.strictObject({
  uscc: z.string().trim().max(40),
  name: z.string().trim().min(2, '请输入营业执照上的企业全称').max(100).optional().describe('must match the enterprise registry when given'),
  legalRepresentative: z.string().trim().min(1, '请输入法定代表人姓名').max(50).optional().describe('must match the enterprise registry when given'),
});

export const registerResponse = z.object({ id: z.string(), uscc: z.string(), token: z.string().describe('a new session that carries the organisation') });

export const enterpriseProfile = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  establishedOn: z.string().optional().describe('from the enterprise registry'),
  registryStatus: z.enum(REGISTRY_STATUSES).optional().describe('from the enterprise registry; absent when the registry holds no entry'),
  registryStatusLabel: z.string().describe('存续 / 吊销 / 注销 / 未在登记信息中'),
  taxCreditGrade: z.string().describe('from the tax department; M until it has rated the business'),
  taxGradeYear: z.number().int().optional().describe('the evaluation year of taxCreditGrade'),
  grade: z.enum(['A', 'B', 'C', 'D']),
  score: z.number().int(),
  drivers: z.array(z.string()),
  penalties12m: z.number().int(),
  events: z.array(creditEventView),
});

export type RegisterBody = z.infer<typeof registerBody>;
export type EnterpriseProfile = z.infer<typeof enterpriseProfile>;
