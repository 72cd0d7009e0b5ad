import type { IncentiveView, MeResponse, PassResponse, RedemptionResponse, RedemptionView } from '../../../client/src/services/api';

const base = {
  description: '',
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2028-12-31T16:00:00.000Z',
  excludeSerious: true,
  active: true,
  updatedAt: '2026-01-05T01:00:00.000Z',
};

/** The catalogue as anyone (no resident token) sees it. */
export const CATALOGUE: IncentiveView[] = [
  {
    ...base,
    id: 'museum-free-entry',
    category: 'travel',
    categoryLabel: '信易游',
    title: '博物馆免费参观',
    benefit: '免费入馆，并赠送一次讲解服务',
    description: '信用积分 100 分及以上的居民出示凭证即可免费参观，每人每天 1 次。',
    minPoints: 100,
    quota: { count: 1, period: 'day' },
    merchants: [{ id: 'org-museum', name: '管城回族区博物馆' }],
  },
  {
    ...base,
    id: 'library-deposit-free',
    category: 'read',
    categoryLabel: '信易阅',
    title: '图书馆免押金借阅',
    benefit: '免交 100 元借阅押金，一次最多借 5 册',
    minPoints: 100,
    quota: { count: 2, period: 'month' },
    merchants: [{ id: 'org-library', name: '管城回族区图书馆' }],
  },
  {
    ...base,
    id: 'market-coupon',
    category: 'shop',
    categoryLabel: '信易购',
    title: '惠民超市满减',
    benefit: '单笔满 100 元减 10 元',
    minPoints: 105,
    quota: { count: 1, period: 'day' },
    totalStock: 500,
    merchants: [{ id: 'org-market-hui', name: '商城路惠民超市' }],
  },
  {
    ...base,
    id: 'ruins-park-culture',
    category: 'travel',
    categoryLabel: '信易游',
    title: '商都遗址文创优惠',
    benefit: '文创商品 9 折，免费参加定时导览',
    minPoints: 100,
    quota: { count: 1, period: 'day' },
    merchants: [
      { id: 'org-ruins-park', name: '郑州商代王城遗址公园' },
      { id: 'org-museum', name: '管城回族区博物馆' },
    ],
  },
];

type Standing = Pick<IncentiveView, 'eligible' | 'reasons' | 'remainingQuota'> & { stockLeft?: number };

/** The catalogue as a resident sees it: each item with their standing. */
export function personalCatalogue(standings: Record<string, Standing>): IncentiveView[] {
  return CATALOGUE.map((i) => ({ ...i, ...(standings[i.id] ?? { eligible: true, reasons: [], remainingQuota: i.quota.count }) }));
}

/** 李娜 (92 points) on the catalogue: 8 points short of the museum, used the library once this month. */
export const LI_CATALOGUE = personalCatalogue({
  'museum-free-entry': { eligible: false, reasons: ['还差 8 分'], remainingQuota: 1 },
  'library-deposit-free': { eligible: false, reasons: ['还差 8 分', '本月次数已用完'], remainingQuota: 0 },
  'market-coupon': { eligible: false, reasons: ['还差 13 分'], remainingQuota: 1, stockLeft: 480 },
  'ruins-park-culture': { eligible: false, reasons: ['还差 8 分'], remainingQuota: 1 },
});

/** 张伟 (135 points): everything but the market coupon, whose daily use is spent. */
export const ZHANG_CATALOGUE = personalCatalogue({
  'museum-free-entry': { eligible: true, reasons: [], remainingQuota: 1 },
  'library-deposit-free': { eligible: true, reasons: [], remainingQuota: 2 },
  'market-coupon': { eligible: false, reasons: ['今日次数已用完'], remainingQuota: 0, stockLeft: 480 },
  'ruins-park-culture': { eligible: true, reasons: [], remainingQuota: 1 },
});

export const LI_ME: MeResponse = {
  user: { id: 'res-li', name: '李娜', roles: ['resident'], manager: false, realNameVerified: true, maskedIdNumber: '4101**********5678' },
};

let passNo = 0;
/** A fresh pass each call: 32 ASCII characters and a 12-character id, like the server's. */
export function makePass(ttlSeconds = 60): PassResponse {
  passNo += 1;
  const n = String(passNo).padStart(4, '0');
  return {
    pass: `Pz${n}abcdefghijklmnopqrstuvwxyz`.slice(0, 32).padEnd(32, 'Q'),
    passId: `pid-${n}-xxxxx`.slice(0, 12),
    expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString(),
    ttlSeconds,
  };
}

export const REDEMPTION_OK: RedemptionResponse = {
  id: 'rd-1',
  incentiveId: 'museum-free-entry',
  incentiveTitle: '博物馆免费参观',
  benefit: '免费入馆，并赠送一次讲解服务',
  resident: { maskedName: '张*' },
  redeemedAt: '2026-03-02T02:15:00.000Z',
  remainingQuota: 0,
  quotaPeriod: 'day',
};

export function redemptionView(n: number, over: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: `rd-${n}`,
    incentiveId: 'museum-free-entry',
    incentiveTitle: '博物馆免费参观',
    benefit: '免费入馆，并赠送一次讲解服务',
    merchant: { id: 'org-museum', name: '管城回族区博物馆' },
    resident: { maskedName: n % 2 === 0 ? '李*' : '张*' },
    redeemedAt: new Date(Date.UTC(2026, 2, 2, 2, 0, 0) - n * 60_000).toISOString(),
    ...over,
  };
}
