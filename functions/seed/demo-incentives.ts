import type { Org } from '../identity/identity.types';
import type { Incentive } from '../incentives/incentives.domain';

/** The district's merchants taking part in 信易+, beyond the museum and the library. */
export const demoMerchantOrgs: Org[] = [
  { id: 'org-bus', type: 'merchant', name: '郑州公交第五运营公司（管城线路）' },
  { id: 'org-bike', type: 'merchant', name: '管城区公共自行车服务中心' },
  { id: 'org-tcm-hospital', type: 'merchant', name: '管城回族区中医院' },
  { id: 'org-talent-apartment', type: 'merchant', name: '管城区人才公寓运营中心' },
  { id: 'org-market-hui', type: 'merchant', name: '商城路惠民超市' },
  { id: 'org-ruins-park', type: 'merchant', name: '郑州商代王城遗址公园' },
  { id: 'org-powerbank', type: 'merchant', name: '管城区便民充电服务站' },
];

const names: Record<string, string> = {
  'org-museum': '管城回族区博物馆',
  'org-library': '管城回族区图书馆',
  ...Object.fromEntries(demoMerchantOrgs.map((o) => [o.id, o.name])),
};

const scenario = (
  id: string,
  category: Incentive['category'],
  title: string,
  benefit: string,
  description: string,
  minPoints: number,
  quota: Incentive['quota'],
  merchantIds: string[],
  extra: Partial<Pick<Incentive, 'totalStock' | 'excludeSerious'>> = {},
): Incentive => ({
  id,
  category,
  title,
  benefit,
  description,
  minPoints,
  quota,
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2028-12-31T16:00:00.000Z',
  excludeSerious: true,
  merchants: merchantIds.map((m) => ({ id: m, name: names[m] })),
  active: true,
  updatedAt: '2026-01-05T01:00:00.000Z',
  ...extra,
});

export const demoIncentives: Incentive[] = [
  scenario('museum-free-entry', 'travel', '博物馆免费参观', '免费入馆，并赠送一次讲解服务', '信用积分 100 分及以上的居民出示凭证即可免费参观管城回族区博物馆常设展览，每人每天 1 次。', 100, { count: 1, period: 'day' }, ['org-museum']),
  scenario('library-deposit-free', 'read', '图书馆免押金借阅', '免交 100 元借阅押金，一次最多借 5 册', '信用良好的居民在管城回族区图书馆办理借阅免交押金，每月可使用 2 次。', 100, { count: 2, period: 'month' }, ['org-library']),
  scenario('bus-discount', 'transit', '公交乘车 8 折', '管城区内公交线路乘车享 8 折', '上车时向司机出示凭证，每天最多 4 次。', 110, { count: 4, period: 'day' }, ['org-bus']),
  scenario('bike-deposit-free', 'transit', '公共自行车免押骑行', '免押金骑行，每日首 30 分钟免费', '在管城区公共自行车服务点出示凭证开通免押骑行，每天 1 次。', 100, { count: 1, period: 'day' }, ['org-bike']),
  scenario('tcm-pay-later', 'medical', '中医院先诊疗后付费', '门诊先看病后付费，免排队缴费', '信用优秀的居民在管城回族区中医院门诊可先诊疗、离院前一次结清，每月 2 次。', 120, { count: 2, period: 'month' }, ['org-tcm-hospital']),
  scenario('talent-apartment', 'rent', '人才公寓免押金入住', '免交入住押金（最高 3000 元）', '面向信用优秀的青年人才，每月 1 次，本期共 20 个名额。', 120, { count: 1, period: 'month' }, ['org-talent-apartment'], { totalStock: 20 }),
  scenario('market-coupon', 'shop', '惠民超市满减', '单笔满 100 元减 10 元', '结账时出示凭证，每人每天 1 次，本期共 500 份。', 105, { count: 1, period: 'day' }, ['org-market-hui'], { totalStock: 500 }),
  scenario('ruins-park-culture', 'travel', '商都遗址文创优惠', '文创商品 9 折，免费参加定时导览', '在郑州商代王城遗址公园及博物馆文创店使用，每天 1 次。', 100, { count: 1, period: 'day' }, ['org-ruins-park', 'org-museum']),
  scenario('powerbank-free', 'rent', '充电宝免押租借', '免押金租借，每日首小时免费', '在管城区便民充电服务站租借充电宝免押金，每天 1 次。', 90, { count: 1, period: 'day' }, ['org-powerbank'], { excludeSerious: false }),
];
