import type { MeResponse } from '../../../client/src/services/api';
import type { ApplicationView, BankReport, EligibilityResponse, EnterpriseProfile, ProductView } from '../../../client/src/services/loans-api';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';
import { event } from './credit-fixtures';
import { orgMe } from './fake-api';

export const validUscc = (first17: string) => first17 + usccCheckChar(first17);
export const HUAXIN_USCC = validUscc('91410104MA45HX0Q3');

export const NEW_ENT_ME: MeResponse = {
  user: { id: 'ent-new', name: '吴昊', roles: ['enterprise'], manager: false, realNameVerified: true, maskedIdNumber: '4101**********4012' },
};

export const HUAXIN_ME = orgMe('ent-huaxin', '周杰', 'enterprise', { id: 'org-huaxin', name: '郑州华信商贸有限公司', type: 'enterprise' });

export const BANK_ME = orgMe('bank-zy', '郑凯', 'bank', { id: 'org-bank-zy', name: '中原银行郑州管城支行', type: 'bank' });

export const HUAXIN: EnterpriseProfile = {
  id: 'org-huaxin',
  uscc: HUAXIN_USCC,
  name: '郑州华信商贸有限公司',
  legalRepresentative: '周杰',
  establishedOn: '2015-06-18',
  registryStatus: 'active',
  registryStatusLabel: '存续',
  taxCreditGrade: 'A',
  taxGradeYear: 2025,
  grade: 'A',
  score: 110,
  drivers: ['综合得分 110（基础分 100，守信加分与失信扣分合计 +10）', '无公示中的一般或严重失信记录'],
  penalties12m: 0,
  events: [event({ id: 'ev-tax', title: '纳税信用评价为 A 级', points: 10, countedPoints: 10, department: '国家税务总局郑州市管城回族区税务局' })],
};

const criteria = { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' } as const;

export const product = (over: Partial<ProductView> & Pick<ProductView, 'id' | 'name'>): ProductView => ({
  bankId: 'org-bank-zy',
  bankName: '中原银行郑州管城支行',
  description: '纯信用、免抵押，依据公共信用综合评价授信，随借随还。',
  minAmount: 100_000,
  maxAmount: 3_000_000,
  minTermMonths: 6,
  maxTermMonths: 36,
  annualRateMin: 3.45,
  annualRateMax: 4.35,
  criteria,
  status: 'active',
  updatedAt: '2026-01-05T01:00:00.000Z',
  ...over,
});

export const CHENGXIN = product({ id: 'zy-chengxin-dai', name: '诚信贷' });
export const SHUIYI = product({
  id: 'zy-shuiyi-dai',
  name: '税易贷',
  minAmount: 50_000,
  maxAmount: 2_000_000,
  minTermMonths: 3,
  maxTermMonths: 24,
  annualRateMin: 3.65,
  annualRateMax: 4.8,
  criteria: { ...criteria, maxPenalties12m: 2, minYearsOperating: 2, minTaxGrade: 'B' },
});
export const KECHUANG = product({
  id: 'ccb-kechuang-dai',
  name: '科创贷',
  bankId: 'org-bank-ccb',
  bankName: '中国建设银行郑州管城支行',
  minAmount: 500_000,
  maxAmount: 10_000_000,
  minTermMonths: 12,
  maxTermMonths: 60,
  annualRateMin: 3.3,
  annualRateMax: 4.2,
  criteria: { ...criteria, minGrade: 'A', maxPenalties12m: 0, minYearsOperating: 2, minTaxGrade: 'B' },
});

/** The marketplace as a newly registered business sees it: eligible first. */
export const MARKET_FOR_NEW = [
  { ...CHENGXIN, eligible: true, failedCriteria: [] },
  { ...SHUIYI, eligible: false, failedCriteria: ['未登记成立日期，要求经营 ≥ 2 年', '纳税信用 M 级，要求 B 级及以上'] },
  { ...KECHUANG, eligible: false, failedCriteria: ['未登记成立日期，要求经营 ≥ 2 年'] },
];

export const CHENGXIN_ELIGIBILITY: EligibilityResponse = {
  eligible: true,
  criteria: [
    { code: 'GRADE', label: '公共信用综合评价', passed: true, detail: '当前评价 A 级，要求 B 级及以上' },
    { code: 'NO_SERIOUS', label: '无严重失信记录', passed: true, detail: '无公示中的严重失信记录' },
    { code: 'PENALTIES_12M', label: '近 12 个月行政处罚', passed: true, detail: '近12个月行政处罚 0 次，要求 ≤ 1 次' },
  ],
};

export const SHUIYI_ELIGIBILITY: EligibilityResponse = {
  eligible: false,
  criteria: [
    { code: 'GRADE', label: '公共信用综合评价', passed: true, detail: '当前评价 A 级，要求 B 级及以上' },
    { code: 'PENALTIES_12M', label: '近 12 个月行政处罚', passed: false, detail: '近12个月行政处罚 2 次，要求 ≤ 1 次' },
    { code: 'TAX_GRADE', label: '纳税信用等级', passed: false, detail: '纳税信用 M 级，要求 B 级及以上' },
  ],
};

export const application = (over: Partial<ApplicationView> = {}): ApplicationView => ({
  id: 'la-0b6f5c1e-3a1d-4c55-9a1f-6f1e2d3c4b5a',
  status: 'SUBMITTED',
  statusLabel: '已提交',
  product: { id: 'zy-chengxin-dai', name: '诚信贷' },
  bank: { id: 'org-bank-zy', name: '中原银行郑州管城支行' },
  enterprise: { id: 'org-ent-1', name: '郑州管城新材料有限公司', uscc: HUAXIN_USCC },
  amount: 500_000,
  termMonths: 12,
  purpose: '采购原材料，支付上游货款',
  submittedAt: '2026-03-02T02:00:00.000Z',
  // 24:00 of 2026-03-16 in China.
  deadline: '2026-03-16T16:00:00.000Z',
  overdue: false,
  history: [{ status: 'SUBMITTED', statusLabel: '已提交', at: '2026-03-02T02:00:00.000Z', by: '吴昊', byRole: 'enterprise' }],
  ...over,
});

export const REPORT: BankReport = {
  enterprise: { name: '郑州管城新材料有限公司', uscc: HUAXIN_USCC, legalRepresentative: '吴*', establishedOn: '2019-04-01', registryStatus: 'active', registryStatusLabel: '存续', taxCreditGrade: 'M' },
  grade: 'B',
  score: 92,
  drivers: ['综合得分 92（基础分 100，守信加分与失信扣分合计 -8）', '存在 1 条公示中的一般失信记录：最高评为 B 级'],
  penalties12m: 1,
  records: [event({ id: 'ev-pen', title: '行政处罚（一般）', points: -8, countedPoints: -8, severity: 'general', department: '管城回族区市场监督管理局' })],
  generatedAt: '2026-03-03T02:00:00.000Z',
};
