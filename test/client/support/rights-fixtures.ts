import type { DashboardResponse } from '../../../client/src/services/admin-api';
import type { MeResponse } from '../../../client/src/services/api';
import type { AccessEntry, CaseView, ConsentView, SignedReport } from '../../../client/src/services/rights-api';
import { orgMe } from './fake-api';

export { HUAXIN_ME } from './loans-fixtures';

export const LI_ME: MeResponse = {
  user: { id: 'res-li', name: '李娜', roles: ['resident'], manager: false, realNameVerified: true, maskedIdNumber: '4101**********4023' },
};

export const DEPT_ME = orgMe('dept-market', '冯涛', 'department', { id: 'org-dept-market', name: '管城回族区市场监督管理局', type: 'department' });

export const ADMIN_ME = orgMe('admin', '陈静', 'admin', { id: 'org-centre', name: '管城回族区社会信用体系建设中心', type: 'centre' });

export const caseView = (over: Partial<CaseView> & Pick<CaseView, 'id'>): CaseView => ({
  kind: 'objection',
  eventId: 'ev-penalty',
  eventTitle: '行政处罚（一般）',
  status: 'OPEN',
  statusLabel: '处理中',
  text: '处罚决定已被复议撤销，记录有误',
  department: { id: 'org-dept-market', name: '管城回族区市场监督管理局' },
  createdAt: '2026-11-20T02:00:00.000Z',
  deadline: '2026-11-27T15:59:59.999Z',
  overdue: false,
  ...over,
});

export const accessEntry = (n: number, over: Partial<AccessEntry> = {}): AccessEntry => ({
  id: `al-${n}`,
  at: '2026-11-26T06:05:00.000Z',
  actor: { orgName: '管城回族区博物馆', role: 'merchant', roleLabel: '商户' },
  purpose: '信易+ 核验：博物馆免费参观',
  what: '是否符合条件、脱敏姓名',
  ...over,
});

export const SIGNED_REPORT: SignedReport = {
  report: {
    reportId: 'cr-1f0c',
    issuer: '管城回族区社会信用体系建设中心',
    issuedAt: '2026-11-27T02:00:00.000Z',
    validUntil: '2026-12-27T02:00:00.000Z',
    keyId: 'report-key-2026',
    reportType: 'person',
    title: '个人信用积分报告',
    subject: { name: '李*', idNumber: '4101**********4023' },
    points: 92,
    tier: '轻微失信',
    dimensions: [
      { label: '荣誉信息', points: 0 },
      { label: '法律法规', points: -8 },
    ],
    records: [
      {
        title: '行政处罚（一般）',
        ruleId: 'P-LAW-03',
        points: -8,
        occurredAt: '2026-09-28T02:00:00.000Z',
        countsUntil: '2027-09-28T02:00:00.000Z',
        status: 'active',
        department: '管城回族区市场监督管理局',
      },
    ],
    measures: [],
  },
  signature: 'c2lnbmF0dXJlLWJ5dGVz',
};

export const consent = (over: Partial<ConsentView> = {}): ConsentView => ({
  type: 'sensitive-pi',
  title: '个人敏感信息处理授权书',
  version: '2025-11',
  grantedAt: '2026-01-05T01:00:00.000Z',
  active: true,
  ...over,
});

const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(14 + i).padStart(2, '0')}`);

export const DASHBOARD: DashboardResponse = {
  snapshot: {
    computedAt: '2026-11-27T02:05:00.000Z',
    residents: {
      verified: 3,
      averagePoints: 99,
      byTier: [
        { code: 'poor', label: '信用较差', count: 1 },
        { code: 'minor', label: '轻微失信', count: 1 },
        { code: 'good', label: '良好', count: 0 },
        { code: 'excellent', label: '优秀', count: 4 },
        { code: 'outstanding', label: '极好', count: 0 },
      ],
    },
    applications: {
      byStatus: [
        { status: 'SUBMITTED', label: '已提交', count: 2 },
        { status: 'UNDER_REVIEW', label: '审批中', count: 1 },
        { status: 'APPROVED', label: '已批准', count: 0 },
        { status: 'REJECTED', label: '已拒绝', count: 0 },
        { status: 'DISBURSED', label: '已放款', count: 0 },
        { status: 'WITHDRAWN', label: '已撤回', count: 0 },
      ],
      overdue: [{ id: 'la-1', enterprise: '郑州华信商贸有限公司', bank: '中原银行郑州管城支行', product: '信易贷·税易贷', deadline: '2026-11-20T15:59:59.999Z' }],
    },
    cases: [
      { department: '管城回族区市场监督管理局', kind: 'objection', open: 2, overdue: 1 },
      { department: '管城回族区市场监督管理局', kind: 'repair', open: 1, overdue: 0 },
    ],
  },
  redemptionsPerDay: days.map((day, i) => ({ day, count: i === 13 ? 10 : i % 3 })),
};
