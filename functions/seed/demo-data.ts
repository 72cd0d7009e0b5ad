import type { Org, User } from '../identity/identity.types';
import type { DimensionCode } from '../points/points.domain';
import { idCheckChar } from '../shared/domain/identifiers';
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
  { id: 'org-dept-market', type: 'department', name: '管城回族区市场监督管理局' },
  { id: 'org-centre', type: 'centre', name: '管城回族区社会信用体系建设中心' },
];

export interface DemoUser extends User {
  id: DemoUserId;
  /** Synthetic, valid ID number for verified residents (hashed and masked at seeding). */
  idNumber?: string;
  /** The stored points figure per dimension, until the points engine derives it from events. */
  dimensions?: Record<DimensionCode, number>;
}

const resident = (id: DemoUserId, name: string, idNumber: string, dimensions: Record<DimensionCode, number>): DemoUser => ({
  id,
  name,
  roles: ['resident'],
  idNumber,
  dimensions,
  createdAt: DEMO_CREATED_AT,
});

const staff = (id: DemoUserId, name: string, role: User['roles'][number], orgId?: string): DemoUser => ({
  id,
  name,
  roles: [role],
  ...(orgId ? { orgId } : {}),
  createdAt: DEMO_CREATED_AT,
});

export const demoUsers: DemoUser[] = [
  resident('res-zhang', '张伟', demoId('41010419880512301'), { honour: 10, virtue: 20, ethics: 3, family: 2, law: 0 }),
  resident('res-li', '李娜', demoId('41010219920318402'), { honour: 0, virtue: 2, ethics: 0, family: 0, law: -10 }),
  resident('res-wang', '王强', demoId('41010519790921503'), { honour: 0, virtue: 0, ethics: 0, family: 0, law: -30 }),
  staff('mer-museum', '赵敏', 'merchant', 'org-museum'),
  staff('mer-library', '孙丽', 'merchant', 'org-library'),
  staff('ent-huaxin', '周杰', 'enterprise', 'org-huaxin'),
  staff('ent-new', '吴昊', 'enterprise'),
  staff('bank-zy', '郑凯', 'bank', 'org-bank-zy'),
  staff('dept-market', '冯涛', 'department', 'org-dept-market'),
  staff('admin', '陈静', 'admin', 'org-centre'),
];
