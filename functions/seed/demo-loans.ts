import type { Enterprise } from '../enterprises/enterprises.repository';
import type { Org } from '../identity/identity.types';
import type { LoanProduct, ProductCriteria } from '../loans/loans.domain';
import { DEMO_CREATED_AT, HUAXIN_USCC } from './demo-data';

export const demoBankOrgs: Org[] = [
  { id: 'org-bank-ccb', type: 'bank', name: '中国建设银行郑州管城支行' },
  { id: 'org-bank-zzb', type: 'bank', name: '郑州银行管城支行' },
];

const BANK_NAMES: Record<string, string> = {
  'org-bank-zy': '中原银行郑州管城支行',
  'org-bank-ccb': '中国建设银行郑州管城支行',
  'org-bank-zzb': '郑州银行管城支行',
};

export const demoEnterprise: Enterprise = {
  orgId: 'org-huaxin',
  uscc: HUAXIN_USCC,
  name: '郑州华信商贸有限公司',
  legalRepresentative: '周杰',
  establishedOn: '2015-06-18',
  taxCreditGrade: 'A',
  registeredBy: 'ent-huaxin',
  registeredAt: DEMO_CREATED_AT,
};

const product = (
  id: string,
  bankId: string,
  name: string,
  description: string,
  amount: [number, number],
  term: [number, number],
  rate: [number, number],
  criteria: ProductCriteria,
): LoanProduct => ({
  id,
  bankId,
  bankName: BANK_NAMES[bankId],
  name,
  description,
  minAmount: amount[0],
  maxAmount: amount[1],
  minTermMonths: term[0],
  maxTermMonths: term[1],
  annualRateMin: rate[0],
  annualRateMax: rate[1],
  criteria,
  status: 'active',
  updatedAt: '2026-01-05T01:00:00.000Z',
});

export const demoProducts: LoanProduct[] = [
  product('zy-chengxin-dai', 'org-bank-zy', '诚信贷', '纯信用、免抵押，依据公共信用综合评价授信，随借随还。', [100_000, 3_000_000], [6, 36], [3.45, 4.35], { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' }),
  product('zy-shuiyi-dai', 'org-bank-zy', '税易贷', '以纳税信用为依据的线上信用贷款，最快当天审批。', [50_000, 2_000_000], [3, 24], [3.65, 4.8], { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 2, minYearsOperating: 2, minTaxGrade: 'B' }),
  product('ccb-kechuang-dai', 'org-bank-ccb', '科创贷', '面向科技型中小企业的信用贷款，可叠加知识产权质押。', [500_000, 10_000_000], [12, 60], [3.3, 4.2], { minGrade: 'A', noSeriousDishonesty: true, maxPenalties12m: 0, minYearsOperating: 2, minTaxGrade: 'B' }),
  product('ccb-shanghu-dai', 'org-bank-ccb', '商户贷', '面向个体工商户和小微商户的经营周转贷款。', [30_000, 500_000], [3, 12], [4.35, 6.0], { minGrade: 'C', noSeriousDishonesty: true, maxPenalties12m: 2, minYearsOperating: 0.5, minTaxGrade: 'M' }),
  product('zzb-chuangye-dai', 'org-bank-zzb', '创业担保贷', '政府贴息的创业担保贷款，新设企业可申请。', [50_000, 500_000], [12, 36], [3.0, 3.65], { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' }),
  product('zzb-jingying-dai', 'org-bank-zzb', '诚信经营贷', '面向信用优良、经营稳定企业的中长期经营贷款。', [200_000, 5_000_000], [6, 36], [3.8, 5.2], { minGrade: 'A', noSeriousDishonesty: true, maxPenalties12m: 0, minYearsOperating: 3, minTaxGrade: 'A' }),
];
