import type { RuleView } from '../../../client/src/services/api';
import type { InvitationView, OrgView, StaffMe, StaffMember } from '../../../client/src/services/orgs-api';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';

/** A code that passes the GB 32100 check, and the same code with a wrong check character. */
const FIRST17 = '91410104MA44ABCD1';
export const GOOD_USCC = FIRST17 + usccCheckChar(FIRST17);
export const BAD_USCC = FIRST17 + (usccCheckChar(FIRST17) === '0' ? '1' : '0');

export const orgView = (over: Partial<OrgView> & Pick<OrgView, 'id' | 'name'>): OrgView => ({
  type: 'merchant',
  uscc: GOOD_USCC,
  status: 'active',
  createdAt: '2026-11-01T02:00:00.000Z',
  staffCount: 2,
  ...over,
});

export const MUSEUM = orgView({ id: 'org-museum', name: '管城回族区博物馆', staffCount: 3 });
export const LIBRARY = orgView({ id: 'org-library', name: '管城回族区图书馆', status: 'suspended', suspendedReason: '违规核销，整改中' });
export const BANK = orgView({ id: 'org-bank-zy', name: '中原银行管城支行', type: 'bank' });
export const MARKET = orgView({ id: 'org-dept-market', name: '管城回族区市场监督管理局', type: 'department', feeds: { rules: [], registries: ['enterprises'] } });

type User = StaffMe;

export const staffMe = (user: Partial<User> & Pick<User, 'id' | 'name' | 'roles'>): { user: User } => ({
  user: { realNameVerified: false, manager: false, ...user },
});

/** The museum's manager (a resident too). */
export const MANAGER_ME = staffMe({
  id: 'mer-museum',
  name: '刘洋',
  roles: ['resident', 'merchant'],
  realNameVerified: true,
  orgId: 'org-museum',
  org: { id: 'org-museum', name: '管城回族区博物馆', type: 'merchant', status: 'active' },
  manager: true,
});

export const CLERK_ME = staffMe({
  id: 'mer-clerk',
  name: '赵敏',
  roles: ['merchant'],
  orgId: 'org-museum',
  org: { id: 'org-museum', name: '管城回族区博物馆', type: 'merchant', status: 'active' },
  manager: false,
});

export const member = (over: Partial<StaffMember> & Pick<StaffMember, 'userId' | 'name'>): StaffMember => ({
  role: 'merchant',
  manager: false,
  since: '2026-10-08T01:00:00.000Z',
  ...over,
});

export const invitation = (over: Partial<InvitationView> & Pick<InvitationView, 'id' | 'name'>): InvitationView => ({
  role: 'merchant',
  manager: false,
  createdAt: '2026-11-26T02:00:00.000Z',
  expiresAt: '2026-11-29T02:00:00.000Z',
  status: 'open',
  ...over,
});

export const rule = (id: string, title: string, department: string, departmentName: string): RuleView => ({
  id,
  title,
  dimension: 'law',
  dimensionLabel: '法律法规',
  subjectType: 'person',
  points: -5,
  yearlyCap: 20,
  validityMonths: 12,
  legalBasis: '《河南省社会信用条例》',
  department,
  departmentName,
});

export const RULES = {
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  nextCursor: null,
  items: [
    rule('P-LAW-01', '行政处罚（一般）', 'org-dept-market', '管城回族区市场监督管理局'),
    rule('P-LAW-02', '失信被执行人', 'org-dept-court', '管城回族区人民法院'),
    rule('P-LAW-03', '拒不履行判决', 'org-dept-court', '管城回族区人民法院'),
  ],
};
