/**
 * 信易贷 rules (pure): loan-product criteria, the application state machine and the banks'
 * 10-working-day deadline.
 */
import type { Grade } from '../points/points.engine';
import { REGISTRY_STATUS_LABELS, type RegistryStatus } from '../registry/registry.domain';

export const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D'];
/** Tax credit grades (纳税信用), best first; M is the grade of a newly established taxpayer. */
export const TAX_GRADE_ORDER = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxGrade = (typeof TAX_GRADE_ORDER)[number];

export interface ProductCriteria {
  minGrade: Grade;
  noSeriousDishonesty: boolean;
  maxPenalties12m: number;
  minYearsOperating: number;
  minTaxGrade: TaxGrade;
}

export interface LoanProduct {
  id: string;
  bankId: string;
  bankName: string;
  name: string;
  description: string;
  minAmount: number;
  maxAmount: number;
  minTermMonths: number;
  maxTermMonths: number;
  annualRateMin: number;
  annualRateMax: number;
  criteria: ProductCriteria;
  status: 'active' | 'withdrawn';
  /** The bank is suspended by the credit centre: the product is out of the marketplace meanwhile. */
  bankSuspended?: boolean;
  updatedAt: string;
}

/** On offer: active and its bank not suspended. */
export const isOffered = (p: LoanProduct): boolean => p.status === 'active' && p.bankSuspended !== true;

export interface EnterpriseStanding {
  registered: boolean;
  /** From the enterprise registry; absent when it holds no entry for the business. */
  registryStatus?: RegistryStatus;
  grade: Grade;
  activeSerious: number;
  penalties12m: number;
  establishedOn?: string;
  taxCreditGrade: TaxGrade;
  /** Reasons from listed joint punishment measures that restrict 信易贷 for this business now. */
  restrictions: string[];
}

export interface Criterion {
  code: string;
  label: string;
  passed: boolean;
  detail: string;
}

const better = <T>(order: readonly T[], a: T, b: T) => order.indexOf(a) <= order.indexOf(b);

export function yearsBetween(fromIsoDate: string, now: Date): number {
  return (now.getTime() - new Date(`${fromIsoDate}T00:00:00+08:00`).getTime()) / (365.25 * 86_400_000);
}

/** Only a business that exists (存续) in the enterprise registry may borrow: a revoked or cancelled one is refused by name. */
function registryStatusCriterion(status: RegistryStatus | undefined): Criterion {
  const detail =
    status === 'active'
      ? `登记状态：${REGISTRY_STATUS_LABELS.active}`
      : status
        ? `企业登记状态为「${REGISTRY_STATUS_LABELS[status]}」，不能申请贷款`
        : '企业登记信息中暂无本企业，不能申请贷款';
  return { code: 'REGISTRY_STATUS', label: '企业登记状态', passed: status === 'active', detail };
}

export function evaluateCriteria(s: EnterpriseStanding, c: ProductCriteria, now: Date): Criterion[] {
  const years = s.establishedOn ? yearsBetween(s.establishedOn, now) : 0;
  const list: Criterion[] = [
    {
      code: 'GRADE',
      label: '公共信用综合评价',
      passed: better(GRADE_ORDER, s.grade, c.minGrade),
      detail: `当前评价 ${s.grade} 级，要求 ${c.minGrade} 级${c.minGrade === 'A' ? '' : '及以上'}`,
    },
    {
      code: 'NO_SERIOUS',
      label: '无严重失信记录',
      passed: !c.noSeriousDishonesty || s.activeSerious === 0,
      detail: c.noSeriousDishonesty
        ? s.activeSerious === 0 ? '无公示中的严重失信记录' : `存在 ${s.activeSerious} 条公示中的严重失信记录，要求无`
        : '本产品不设此项要求',
    },
    {
      code: 'PENALTIES_12M',
      label: '近 12 个月行政处罚',
      passed: s.penalties12m <= c.maxPenalties12m,
      detail: `近12个月行政处罚 ${s.penalties12m} 次，要求 ≤ ${c.maxPenalties12m} 次`,
    },
    {
      code: 'YEARS_OPERATING',
      label: '经营年限',
      passed: years >= c.minYearsOperating,
      detail: s.establishedOn
        ? `成立 ${Math.floor(years * 10) / 10} 年，要求 ≥ ${c.minYearsOperating} 年`
        : `未登记成立日期，要求经营 ≥ ${c.minYearsOperating} 年`,
    },
    {
      code: 'TAX_GRADE',
      label: '纳税信用等级',
      passed: better(TAX_GRADE_ORDER, s.taxCreditGrade, c.minTaxGrade),
      detail: `纳税信用 ${s.taxCreditGrade} 级，要求 ${c.minTaxGrade} 级${c.minTaxGrade === 'A' ? '' : '及以上'}`,
    },
  ];
  list.push({
    code: 'JOINT_PUNISHMENT',
    label: '联合惩戒措施',
    passed: s.restrictions.length === 0,
    detail: s.restrictions.length === 0 ? '不在联合惩戒措施限制范围内' : s.restrictions.join('；'),
  });
  if (s.registered) list.unshift(registryStatusCriterion(s.registryStatus));
  if (!s.registered) list.unshift({ code: 'REGISTERED', label: '企业认证', passed: false, detail: '请先完成企业认证' });
  return list;
}

// ---- Applications ----------------------------------------------------------------------------

export const STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'DISBURSED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  SUBMITTED: '已提交',
  UNDER_REVIEW: '审批中',
  APPROVED: '已批准',
  REJECTED: '已拒绝',
  DISBURSED: '已放款',
  WITHDRAWN: '已撤回',
};

export type Transition = 'open' | 'approve' | 'reject' | 'disburse' | 'withdraw';

/** Which states each transition may start from; anything else is refused. */
export const TRANSITIONS: Record<Transition, { from: ApplicationStatus[]; to: ApplicationStatus }> = {
  open: { from: ['SUBMITTED'], to: 'UNDER_REVIEW' },
  approve: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'APPROVED' },
  reject: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'REJECTED' },
  disburse: { from: ['APPROVED'], to: 'DISBURSED' },
  withdraw: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'WITHDRAWN' },
};

export const OPEN_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

/** The bank may read the applicant's report while the application is alive. */
export const REPORT_READABLE_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED'];

/** Working-day deadlines in China time, with the State Council's holidays (shared/domain/working-days.ts). */
export { addWorkingDays } from '../shared/domain/working-days';

export const REVIEW_WORKING_DAYS = 10;
