import { addDays, chinaToday } from '../../../services/time';

export type RangeKey = 'today' | 'week' | 'month' | 'all' | 'custom';

export interface DateRange {
  key: RangeKey;
  /** First day, `YYYY-MM-DD` (China time); absent = since the beginning. */
  from?: string;
  /** Last day, inclusive; absent = up to now. */
  to?: string;
}

export const QUICK_RANGES: { key: Exclude<RangeKey, 'custom'>; label: string }[] = [
  { key: 'today', label: '今天' },
  { key: 'week', label: '近7天' },
  { key: 'month', label: '近30天' },
  { key: 'all', label: '全部' },
];

export function quickRange(key: Exclude<RangeKey, 'custom'>, now: Date = new Date()): DateRange {
  const today = chinaToday(now);
  if (key === 'today') return { key, from: today, to: today };
  if (key === 'week') return { key, from: addDays(today, -6), to: today };
  if (key === 'month') return { key, from: addDays(today, -29), to: today };
  return { key };
}

/** A range picked day by day; the two ends are swapped when picked the wrong way round. */
export function customRange(from: string | undefined, to: string | undefined): DateRange {
  if (from && to && from > to) return { key: 'custom', from: to, to: from };
  return { key: 'custom', from, to };
}

export function rangeText(range: DateRange): string {
  if (!range.from && !range.to) return '全部日期';
  if (range.from === range.to) return range.from ?? '';
  return `${range.from ?? '最早'} 至 ${range.to ?? '今天'}`;
}
