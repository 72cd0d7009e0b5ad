import type { Org, User } from '../identity/identity.types';
import { DEPARTMENT_NAMES } from '../rules/catalogue-v1';
import { idCheckChar, usccCheckChar } from '../shared/domain/identifiers';
import type { DemoUserId } from '../identity/demo-identities';

/**
 * The demo identities of API.md and their organisations. Demo ID numbers are synthetic but
 * carry valid check characters; only their keyed hash and masked form are ever stored.
 */
const demoId = (first17: string) => first17 + idCheckChar(first17);

export const DEMO_CREATED_AT = '2026-01-05T09:00:00+08:00';

export const demoOrgs: Org[] = [
  { id: 'org-museum', type: 'merchant', name: '管城回族区博物馆' },
  { id: 'org-library', type: 'merchant', name: '管城回族区图书馆' },
  { id: 'org-huaxin', type: 'enterprise', name: '郑州华信商贸有限公司' },
  { id: 'org-bank-zy', type: 'bank', name: '中原银行郑州管城支行' },
  ...Object.entries(DEPARTMENT_NAMES).map(([id, name]) => ({ id, type: 'department' as const, name })),
  { id: 'org-centre', type: 'centre', name: '管城回族区社会信用体系建设中心' },
];

export interface DemoUser extends User {
  id: DemoUserId;
  /** Synthetic, valid ID number for verified residents (hashed and masked at seeding). */
  idNumber?: string;
}

const resident = (id: DemoUserId, name: string, idNumber: string): DemoUser => ({
  id,
  name,
  roles: ['resident'],
  idNumber,
  createdAt: DEMO_CREATED_AT,
});

/** Demo staff manage their organisation (员工管理), except where `manager` says otherwise. */
const staff = (id: DemoUserId, name: string, role: User['roles'][number], orgId?: string, manager = true): DemoUser => ({
  id,
  name,
  roles: [role],
  ...(orgId ? { orgId, staffName: name, staffSince: DEMO_CREATED_AT, ...(manager ? { manager: true } : {}) } : {}),
  createdAt: DEMO_CREATED_AT,
});

export const demoUsers: DemoUser[] = [
  resident('res-zhang', '张伟', demoId('41010419880512301')),
  resident('res-li', '李娜', demoId('41010219920318402')),
  resident('res-wang', '王强', demoId('41010519790921503')),
  staff('mer-museum', '赵敏', 'merchant', 'org-museum'),
  staff('mer-library', '孙丽', 'merchant', 'org-library', false),
  staff('ent-huaxin', '周杰', 'enterprise', 'org-huaxin'),
  // A verified real name: 吴昊 is the legal representative of a business in the registry (demo-registry.ts).
  { ...staff('ent-new', '吴昊', 'enterprise'), idNumber: demoId('41010519910721401') },
  staff('bank-zy', '郑凯', 'bank', 'org-bank-zy'),
  staff('dept-market', '冯涛', 'department', 'org-dept-market'),
  staff('dept-tax', '韩雪', 'department', 'org-dept-tax'),
  staff('admin', '陈静', 'admin', 'org-centre'),
];

const idOf = (userId: DemoUserId) => demoUsers.find((u) => u.id === userId)!.idNumber!;

/** 郑州华信商贸有限公司's unified social credit code (synthetic, valid check character). */
export const HUAXIN_USCC = ((b: string) => b + usccCheckChar(b))('91410104MA45HX0Q3');

export interface DemoRecord {
  department: string;
  daysAgo: number;
  record: { sourceId: string; subjectType: 'person' | 'enterprise'; subjectId: string; ruleId: string; severity?: 'light' | 'general' | 'serious' };
}

const rec = (department: string, sourceId: string, subject: DemoUserId | 'huaxin', ruleId: string, daysAgo: number, severity?: DemoRecord['record']['severity']): DemoRecord => ({
  department,
  daysAgo,
  record: {
    sourceId,
    subjectType: subject === 'huaxin' ? 'enterprise' : 'person',
    subjectId: subject === 'huaxin' ? HUAXIN_USCC : idOf(subject),
    ruleId,
    ...(severity ? { severity } : {}),
  },
});

/**
 * The demo credit records, dated relative to the first seeding so the demo stays current:
 * 张伟 135 (优秀), 李娜 92 with a general penalty still published, 王强 on the court's list (70),
 * 华信 grade A. Their sourceIds make re-seeding a no-op.
 */
export const demoRecords: DemoRecord[] = [
  rec('org-dept-civilization', 'DEMO-ZW-01', 'res-zhang', 'P-HON-03', 200),
  rec('org-dept-health', 'DEMO-ZW-02', 'res-zhang', 'P-VIR-01', 150),
  rec('org-dept-health', 'DEMO-ZW-03', 'res-zhang', 'P-VIR-01', 90),
  rec('org-dept-health', 'DEMO-ZW-04', 'res-zhang', 'P-VIR-01', 30),
  rec('org-dept-civilization', 'DEMO-ZW-05', 'res-zhang', 'P-FAM-01', 300),
  rec('org-dept-tax', 'DEMO-ZW-06', 'res-zhang', 'P-ETH-02', 100),
  rec('org-dept-civilization', 'DEMO-ZW-07', 'res-zhang', 'P-VIR-03', 20),
  rec('org-dept-civil', 'DEMO-ZW-08', 'res-zhang', 'P-VIR-04', 400),
  rec('org-dept-market', 'DEMO-LN-01', 'res-li', 'P-LAW-03', 60, 'general'),
  rec('org-dept-health', 'DEMO-LN-02', 'res-li', 'P-VIR-01', 800),
  rec('org-dept-court', 'DEMO-WQ-01', 'res-wang', 'P-LAW-01', 120, 'serious'),
  rec('org-dept-tax', 'DEMO-HX-01', 'huaxin', 'E-HON-02', 60),
];
