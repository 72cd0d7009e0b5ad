import type { z } from 'zod';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import type { EnterpriseRegistration, TaxGradeRating } from './registry.domain';
import { enterpriseItemSchema, taxGradeItemSchema } from './registry.schemas';

/**
 * Validation of one registry item (pure). Like a credit record, an item is judged on its own:
 * whatever is wrong with it rejects only it, with a code and a Chinese message.
 */
export interface Rejection {
  code: string;
  message: string;
}

type Result<T> = { ok: true; item: T } | { ok: false; rejection: Rejection };

/** The first year of tax credit evaluation (纳税信用管理办法, 2014). */
export const FIRST_TAX_GRADE_YEAR = 2014;
const EARLIEST_FOUNDING = '1900-01-01';

const reject = (code: string, message: string) => ({ ok: false as const, rejection: { code, message } });

function schemaRejection(error: z.ZodError) {
  const fields = error.issues.map((i) => `${i.path.join('.') || '条目'}：${i.message}`).join('；');
  return reject('INVALID_RECORD', `条目格式不正确（${fields}）`);
}

function usccRejection(raw: string): { uscc: string } | { rejection: Rejection } {
  const uscc = raw.trim().toUpperCase();
  const problem = usccProblem(uscc);
  return problem ? { rejection: { code: 'INVALID_USCC', message: USCC_MESSAGES[problem] } } : { uscc };
}

/** The day in China time (YYYY-MM-DD). */
const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function validateEnterpriseItem(raw: unknown, now: Date): Result<EnterpriseRegistration> {
  const parsed = enterpriseItemSchema.safeParse(raw);
  if (!parsed.success) return schemaRejection(parsed.error);
  const input = parsed.data;
  const code = usccRejection(input.uscc);
  if ('rejection' in code) return { ok: false, rejection: code.rejection };
  if (input.establishedOn > chinaDay(now)) return reject('FUTURE_DATE', '成立日期不能晚于今天');
  if (input.establishedOn < EARLIEST_FOUNDING) return reject('INVALID_DATE', '成立日期不能早于 1900 年');
  return {
    ok: true,
    item: { uscc: code.uscc, name: input.name, legalRepresentative: input.legalRepresentative, establishedOn: input.establishedOn, status: input.status },
  };
}

export function validateTaxGradeItem(raw: unknown, now: Date): Result<TaxGradeRating> {
  const parsed = taxGradeItemSchema.safeParse(raw);
  if (!parsed.success) return schemaRejection(parsed.error);
  const input = parsed.data;
  const code = usccRejection(input.uscc);
  if ('rejection' in code) return { ok: false, rejection: code.rejection };
  const thisYear = Number(chinaDay(now).slice(0, 4));
  if (input.year > thisYear) return reject('INVALID_YEAR', `评价年度不能晚于 ${thisYear} 年`);
  if (input.year < FIRST_TAX_GRADE_YEAR) return reject('INVALID_YEAR', `纳税信用评价自 ${FIRST_TAX_GRADE_YEAR} 年度起实施，评价年度不能更早`);
  return { ok: true, item: { uscc: code.uscc, year: input.year, grade: input.grade } };
}
