import type { IncentiveInput } from '../../../services/admin-api';
import type { IncentiveView } from '../../../services/api';
import { chinaDate } from '../../../services/time';

/** The form's state: numbers as typed, days as `YYYY-MM-DD` (China time). */
export interface IncentiveDraft {
  id: string;
  category: IncentiveInput['category'];
  title: string;
  benefit: string;
  description: string;
  minPoints: string;
  quotaCount: string;
  quotaPeriod: 'day' | 'month';
  totalStock: string;
  validFrom: string;
  validUntil: string;
  excludeSerious: boolean;
  active: boolean;
  merchantIds: string[];
}

export type DraftField = keyof IncentiveDraft;

export function emptyDraft(today: string): IncentiveDraft {
  return {
    id: '',
    category: 'read',
    title: '',
    benefit: '',
    description: '',
    minPoints: '100',
    quotaCount: '1',
    quotaPeriod: 'day',
    totalStock: '',
    validFrom: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    excludeSerious: true,
    active: true,
    merchantIds: [],
  };
}

export function draftFrom(i: IncentiveView): IncentiveDraft {
  return {
    id: i.id,
    category: i.category,
    title: i.title,
    benefit: i.benefit,
    description: i.description,
    minPoints: String(i.minPoints),
    quotaCount: String(i.quota.count),
    quotaPeriod: i.quota.period,
    totalStock: i.totalStock === undefined ? '' : String(i.totalStock),
    validFrom: chinaDate(i.validFrom),
    validUntil: chinaDate(i.validUntil),
    excludeSerious: i.excludeSerious,
    active: i.active,
    merchantIds: i.merchants.map((m) => m.id),
  };
}

const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** Field by field, what must change before saving (the same limits as the API's schema). */
export function draftProblems(d: IncentiveDraft, creating: boolean): Partial<Record<DraftField, string>> {
  const p: Partial<Record<DraftField, string>> = {};
  if (creating && !/^[a-z0-9-]{2,40}$/.test(d.id)) p.id = '2–40 位小写字母、数字或连字符，如 museum-free';
  if (d.title.trim().length < 2 || d.title.trim().length > 40) p.title = '名称 2–40 个字';
  if (d.benefit.trim().length < 2 || d.benefit.trim().length > 60) p.benefit = '权益 2–60 个字';
  if (d.description.length > 500) p.description = '说明最多 500 个字';
  const min = int(d.minPoints);
  if (!(min >= 0 && min <= 200)) p.minPoints = '0–200 的整数';
  const count = int(d.quotaCount);
  if (!(count >= 1 && count <= 100)) p.quotaCount = '1–100 的整数';
  if (d.totalStock.trim() !== '') {
    const stock = int(d.totalStock);
    if (!(stock >= 1 && stock <= 10_000_000)) p.totalStock = '不填表示不限；或 1–10000000 的整数';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.validFrom)) p.validFrom = '请选择开始日期';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.validUntil)) p.validUntil = '请选择结束日期';
  else if (d.validUntil < d.validFrom) p.validUntil = '结束日期不能早于开始日期';
  if (d.merchantIds.length === 0) p.merchantIds = '至少选择一家商户';
  return p;
}

/** The API body: the whole day in China time from the first day to the end of the last. */
export function toInput(d: IncentiveDraft): IncentiveInput {
  return {
    id: d.id,
    category: d.category,
    title: d.title.trim(),
    benefit: d.benefit.trim(),
    description: d.description.trim(),
    minPoints: int(d.minPoints),
    quota: { count: int(d.quotaCount), period: d.quotaPeriod },
    ...(d.totalStock.trim() !== '' ? { totalStock: int(d.totalStock) } : {}),
    validFrom: `${d.validFrom}T00:00:00+08:00`,
    validUntil: `${d.validUntil}T23:59:59+08:00`,
    excludeSerious: d.excludeSerious,
    merchantIds: d.merchantIds,
    active: d.active,
  };
}
