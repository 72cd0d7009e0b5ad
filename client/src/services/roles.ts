import type { Role } from './api';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  merchant: '商户',
  enterprise: '企业',
  bank: '银行',
  department: '部门',
  admin: '信用中心',
};

// A person with several roles sees the area of the most specialised one first.
const PRIORITY: readonly Role[] = ['admin', 'department', 'bank', 'enterprise', 'merchant', 'resident'];

export function primaryRole(roles: readonly Role[]): Role | null {
  return PRIORITY.find((r) => roles.includes(r)) ?? null;
}

export const AREA_PAGES = {
  merchant: '/packages/merchant/index/index',
  enterprise: '/packages/enterprise/index/index',
  bank: '/packages/bank/index/index',
  department: '/packages/department/index/index',
  admin: '/packages/admin/index/index',
} as const;
