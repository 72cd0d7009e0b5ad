import type { MeResponse } from '../../../client/src/services/api';
import type { DepartmentMe, RuleView, SubmittedRecord } from '../../../client/src/services/department-api';

const MARKET = { department: 'org-dept-market', departmentName: '管城回族区市场监督管理局' };

export const rule = (over: Partial<RuleView> & Pick<RuleView, 'id' | 'title' | 'points' | 'subjectType'>): RuleView => ({
  dimension: 'law',
  dimensionLabel: '法律法规',
  yearlyCap: 24,
  validityMonths: 12,
  legalBasis: '《中华人民共和国行政处罚法》第四十八条',
  ...MARKET,
  ...over,
});

/** The market regulator's own rules, persons first then businesses, as the catalogue lists them. */
export const DEPT_RULES: RuleView[] = [
  rule({ id: 'P-LAW-03', title: '行政处罚（一般）', subjectType: 'person', points: -8, severity: 'general', minPublicationMonths: 3 }),
  rule({ id: 'P-LAW-02', title: '行政处罚（轻微）', subjectType: 'person', points: -2, severity: 'light', validityMonths: 3, legalBasis: '《中华人民共和国行政处罚法》第三十三条' }),
  rule({ id: 'P-ETH-03', title: '提供虚假材料骗取行政许可', subjectType: 'person', dimension: 'ethics', dimensionLabel: '职业道德', points: -10, severity: 'general', legalBasis: '《中华人民共和国行政许可法》第七十八条' }),
  rule({ id: 'E-LAW-02', title: '行政处罚（一般）', subjectType: 'enterprise', points: -8, severity: 'general' }),
  rule({ id: 'E-HON-01', title: '获评“守合同重信用”企业', subjectType: 'enterprise', dimension: 'honour', dimensionLabel: '荣誉信息', points: 10, validityMonths: 24, legalBasis: '《河南省“守合同重信用”企业公示管理办法》' }),
];

export const BLOOD = rule({
  id: 'P-VIR-01',
  title: '无偿献血（每次）',
  subjectType: 'person',
  dimension: 'virtue',
  dimensionLabel: '社会公德',
  points: 5,
  validityMonths: 24,
  legalBasis: '《中华人民共和国献血法》第六条',
  department: 'org-dept-health',
  departmentName: '管城回族区卫生健康委员会',
});

export const TAX_A = rule({
  id: 'E-HON-02',
  title: '纳税信用评价为 A 级',
  subjectType: 'enterprise',
  dimension: 'honour',
  dimensionLabel: '荣誉信息',
  points: 10,
  legalBasis: '《纳税信用管理办法》第二十九条',
  department: 'org-dept-tax',
  departmentName: '国家税务总局郑州市管城回族区税务局',
});

/** Every department's rules, as `GET /api/rules` answers. */
export const CATALOGUE = {
  version: 1,
  effectiveFrom: '2020-12-31T16:00:00.000Z',
  nextCursor: null,
  items: [BLOOD, ...DEPT_RULES, TAX_A],
};

const deptUser = (over: Partial<DepartmentMe> = {}): DepartmentMe => ({
  id: 'dept-market',
  name: '冯涛',
  roles: ['department'],
  orgId: 'org-dept-market',
  org: { id: 'org-dept-market', name: '管城回族区市场监督管理局', type: 'department', status: 'active' },
  manager: false,
  realNameVerified: false,
  ...over,
});

/** `GET /api/me` of the market regulator's clerk (optionally suspended, or fed extra rules). */
export const marketMe = (over: Partial<DepartmentMe> = {}): MeResponse => ({ user: deptUser(over) }) as unknown as MeResponse;

export const SUSPENDED_ME = marketMe({ org: { id: 'org-dept-market', name: '管城回族区市场监督管理局', type: 'department', status: 'suspended' } });

export const submittedRecord = (n: number, over: Partial<SubmittedRecord> = {}): SubmittedRecord => ({
  id: `rec-${n}`,
  sourceId: `DEPT-MARKET-${String(n).padStart(4, '0')}`,
  ruleId: 'P-LAW-03',
  title: '行政处罚（一般）',
  subjectType: 'person',
  subjectMasked: '4101**********0047',
  occurredAt: '2026-11-01T16:00:00.000Z',
  receivedAt: '2026-11-20T02:30:00.000Z',
  severity: 'general',
  points: -8,
  state: 'attached',
  ...over,
});
