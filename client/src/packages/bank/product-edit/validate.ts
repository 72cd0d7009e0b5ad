import type { ProductInput, ProductView } from '../../../services/loans-api';
import { groupDigits } from '../../../services/loans-format';

/** The form as typed: numbers stay text until they are checked. */
export interface ProductForm {
  name: string;
  description: string;
  minAmount: string;
  maxAmount: string;
  minTermMonths: string;
  maxTermMonths: string;
  annualRateMin: string;
  annualRateMax: string;
  minGrade: 'A' | 'B' | 'C' | 'D';
  noSeriousDishonesty: boolean;
  maxPenalties12m: string;
  minYearsOperating: string;
  minTaxGrade: 'A' | 'B' | 'M' | 'C' | 'D';
}

export type ProductErrors = Partial<Record<keyof ProductForm, string>>;

export const EMPTY_FORM: ProductForm = {
  name: '',
  description: '',
  minAmount: '',
  maxAmount: '',
  minTermMonths: '',
  maxTermMonths: '',
  annualRateMin: '',
  annualRateMax: '',
  minGrade: 'B',
  noSeriousDishonesty: true,
  maxPenalties12m: '1',
  minYearsOperating: '0',
  minTaxGrade: 'M',
};

export function formOf(p: ProductView): ProductForm {
  return {
    name: p.name,
    description: p.description,
    minAmount: String(p.minAmount),
    maxAmount: String(p.maxAmount),
    minTermMonths: String(p.minTermMonths),
    maxTermMonths: String(p.maxTermMonths),
    annualRateMin: String(p.annualRateMin),
    annualRateMax: String(p.annualRateMax),
    minGrade: p.criteria.minGrade,
    noSeriousDishonesty: p.criteria.noSeriousDishonesty,
    maxPenalties12m: String(p.criteria.maxPenalties12m),
    minYearsOperating: String(p.criteria.minYearsOperating),
    minTaxGrade: p.criteria.minTaxGrade,
  };
}

const int = (t: string): number | null => (/^\d{1,12}$/.test(t.trim()) ? Number(t.trim()) : null);
const decimal = (t: string): number | null => (/^\d{1,3}(\.\d{1,2})?$/.test(t.trim()) ? Number(t.trim()) : null);

function intIn(t: string, min: number, max: number, what: string, unit: string): [number | null, string | undefined] {
  if (t.trim() === '') return [null, `请输入${what}`];
  const n = int(t);
  if (n === null) return [null, `${what}应为整数（${unit}）`];
  if (n < min || n > max) return [null, `${what}应在 ${groupDigits(min)}–${groupDigits(max)} ${unit}之间`];
  return [n, undefined];
}

function rateIn(t: string, what: string): [number | null, string | undefined] {
  if (t.trim() === '') return [null, `请输入${what}`];
  const n = decimal(t);
  if (n === null) return [null, `${what}最多两位小数，如 3.45`];
  if (n < 0.1 || n > 36) return [null, `${what}应在 0.1%–36% 之间`];
  return [n, undefined];
}

/**
 * The bank's product checked like the server checks it (ranges, minimum ≤ maximum), so every
 * mistake is named next to its field before anything is sent.
 */
export function validateProduct(f: ProductForm): { errors: ProductErrors; input: ProductInput | null } {
  const errors: ProductErrors = {};
  const name = f.name.trim();
  if (name.length < 2 || name.length > 30) errors.name = '产品名称应为 2–30 个字';
  if (f.description.trim().length > 500) errors.description = '产品介绍不能超过 500 个字';

  const [minAmount, eMinA] = intIn(f.minAmount, 1000, 100_000_000, '最低额度', '元');
  const [maxAmount, eMaxA] = intIn(f.maxAmount, 1000, 100_000_000, '最高额度', '元');
  errors.minAmount = eMinA;
  errors.maxAmount = eMaxA;
  if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) errors.maxAmount = '最高额度不能低于最低额度';

  const [minTerm, eMinT] = intIn(f.minTermMonths, 1, 360, '最短期限', '个月');
  const [maxTerm, eMaxT] = intIn(f.maxTermMonths, 1, 360, '最长期限', '个月');
  errors.minTermMonths = eMinT;
  errors.maxTermMonths = eMaxT;
  if (minTerm !== null && maxTerm !== null && minTerm > maxTerm) errors.maxTermMonths = '最长期限不能短于最短期限';

  const [rateMin, eMinR] = rateIn(f.annualRateMin, '最低年利率');
  const [rateMax, eMaxR] = rateIn(f.annualRateMax, '最高年利率');
  errors.annualRateMin = eMinR;
  errors.annualRateMax = eMaxR;
  if (rateMin !== null && rateMax !== null && rateMin > rateMax) errors.annualRateMax = '最高年利率不能低于最低年利率';

  const [penalties, ePen] = intIn(f.maxPenalties12m, 0, 100, '近 12 个月行政处罚上限', '次');
  errors.maxPenalties12m = ePen;
  let years: number | null = null;
  if (f.minYearsOperating.trim() === '') errors.minYearsOperating = '请输入经营年限要求（不限填 0）';
  else {
    years = /^\d{1,2}(\.\d)?$/.test(f.minYearsOperating.trim()) ? Number(f.minYearsOperating.trim()) : null;
    if (years === null || years > 50) errors.minYearsOperating = '经营年限应为 0–50 年，最多一位小数';
  }

  for (const k of Object.keys(errors) as (keyof ProductForm)[]) if (errors[k] === undefined) delete errors[k];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      name,
      description: f.description.trim(),
      minAmount: minAmount!,
      maxAmount: maxAmount!,
      minTermMonths: minTerm!,
      maxTermMonths: maxTerm!,
      annualRateMin: rateMin!,
      annualRateMax: rateMax!,
      criteria: {
        minGrade: f.minGrade,
        noSeriousDishonesty: f.noSeriousDishonesty,
        maxPenalties12m: penalties!,
        minYearsOperating: years!,
        minTaxGrade: f.minTaxGrade,
      },
    },
  };
}

/** A server field (`product.criteria.maxPenalties12m`) as the form's field name. */
export function formField(serverField: string): keyof ProductForm | null {
  const last = serverField.replace(/^product\./, '').split('.').pop() ?? '';
  return (Object.keys(EMPTY_FORM) as (keyof ProductForm)[]).find((k) => k === last) ?? null;
}
