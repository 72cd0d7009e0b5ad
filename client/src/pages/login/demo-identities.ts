import type { DemoUserId } from '../../services/api';

export interface DemoIdentity {
  id: DemoUserId;
  name: string;
  role: string;
  note: string;
}

/** The demo accounts of the local and test stages (API.md), as the sign-in page lists them. */
export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { id: 'res-zhang', name: '张伟', role: '居民', note: '信用良好，无失信记录' },
  { id: 'res-li', name: '李娜', role: '居民', note: '有一条仍在公示期的一般行政处罚' },
  { id: 'res-wang', name: '王强', role: '居民', note: '被列入失信被执行人名单' },
  { id: 'mer-museum', name: '博物馆工作人员', role: '商户', note: '管城回族区博物馆 · 信易游' },
  { id: 'mer-library', name: '图书馆工作人员', role: '商户', note: '管城回族区图书馆 · 信易阅' },
  { id: 'ent-huaxin', name: '企业用户', role: '企业', note: '已认证企业，综合评价 A 级' },
  { id: 'ent-new', name: '新注册企业用户', role: '企业', note: '尚未完成企业认证' },
  { id: 'bank-zy', name: '银行信贷员', role: '银行', note: '审批信易贷申请' },
  { id: 'dept-market', name: '市场监管局', role: '部门', note: '报送信用记录、处理异议' },
  { id: 'admin', name: '信用中心管理员', role: '管理', note: '区信用中心' },
];
