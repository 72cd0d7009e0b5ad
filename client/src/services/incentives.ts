/**
 * What every 信易+ screen says the same way: categories, quota and stock wording, and the
 * filter the 信易+ tab shows (set from 首页 before switching to the tab, which keeps no query).
 */
import type { IncentiveView, RedemptionResponse } from './api';
import { createStore, useStore } from './store';

export const CATEGORY_CHIPS = [
  { code: 'all', label: '全部' },
  { code: 'read', label: '信易阅' },
  { code: 'travel', label: '信易游' },
  { code: 'transit', label: '信易行' },
  { code: 'medical', label: '信易医' },
  { code: 'rent', label: '信易租' },
  { code: 'shop', label: '信易购' },
] as const;

type QuotaPeriod = RedemptionResponse['quotaPeriod'];

/** `每天 1 次` / `每月 2 次`. */
export function quotaText(quota: IncentiveView['quota']): string {
  return `${quota.period === 'day' ? '每天' : '每月'} ${quota.count} 次`;
}

/** `今日剩余 0 次` / `本月剩余 1 次`. */
export function remainingText(remaining: number, period: QuotaPeriod): string {
  return `${period === 'day' ? '今日' : '本月'}剩余 ${remaining} 次`;
}

/** `剩余名额 480 / 500`, `共 500 个名额`, or null for a scenario without a total stock. */
export function stockText(item: Pick<IncentiveView, 'totalStock' | 'stockLeft'>): string | null {
  if (item.totalStock === undefined) return null;
  if (item.stockLeft === undefined) return `共 ${item.totalStock} 个名额`;
  return `剩余名额 ${item.stockLeft} / ${item.totalStock}`;
}

export const merchantNames = (item: IncentiveView) => item.merchants.map((m) => m.name).join('、');

/** True when the catalogue was answered for a resident (items carry their eligibility). */
export const isPersonal = (items: readonly IncentiveView[]) => items.some((i) => i.eligible !== undefined);

export interface IncentiveFilter {
  category: string;
  /** Residents: only what they can use right now. */
  usableOnly: boolean;
}

export const ALL_INCENTIVES: IncentiveFilter = { category: 'all', usableOnly: false };

const filterStore = createStore<IncentiveFilter>(() => ALL_INCENTIVES);

export const setIncentiveFilter = (filter: IncentiveFilter) => filterStore.set(filter);
export const useIncentiveFilter = () => useStore(filterStore);

export function filterIncentives(items: readonly IncentiveView[], filter: IncentiveFilter): IncentiveView[] {
  return items.filter(
    (i) => (filter.category === 'all' || i.category === filter.category) && (!filter.usableOnly || i.eligible === true),
  );
}
