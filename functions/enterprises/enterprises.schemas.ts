import { z } from 'zod';
import { creditEventView } from '../points/points.schemas';

export const registerBody = z.strictObject({
  uscc: z.string().trim().max(40),
  name: z.string().trim().min(4, '请输入营业执照上的企业全称').max(60),
  legalRepresentative: z.string().trim().min(2).max(20).regex(/^[\u4e00-\u9fa5·]+$/, '请输入法定代表人的中文姓名'),
  establishedOn: z.iso.date().optional().describe('成立日期（营业执照）'),
});

export const registerResponse = z.object({ id: z.string(), uscc: z.string(), token: z.string().describe('a new session that carries the organisation') });

export const enterpriseProfile = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  legalRepresentative: z.string(),
  establishedOn: z.string().optional(),
  taxCreditGrade: z.string(),
  grade: z.enum(['A', 'B', 'C', 'D']),
  score: z.number().int(),
  drivers: z.array(z.string()),
  penalties12m: z.number().int(),
  events: z.array(creditEventView),
});

export type RegisterBody = z.infer<typeof registerBody>;
export type EnterpriseProfile = z.infer<typeof enterpriseProfile>;
