import type { InvitationStatus, OrgStatus, OrgType, Registry, StaffRole } from '../../../services/orgs-api';

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  merchant: '商户',
  bank: '银行',
  department: '部门',
  centre: '信用中心',
  enterprise: '企业',
};

export const ORG_STATUS_LABELS: Record<OrgStatus, string> = {
  active: '正常',
  suspended: '已暂停',
};

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  open: '待使用',
  used: '已使用',
  revoked: '已撤销',
  expired: '已过期',
};

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  merchant: '商户工作人员',
  bank: '银行信贷员',
  department: '部门工作人员',
  admin: '信用中心工作人员',
};

export const REGISTRY_LABELS: Record<Registry, string> = {
  enterprises: '企业登记',
  'tax-grades': '纳税信用',
  disclosures: '双公示',
};

/** The role an invitation gives is fixed by the organisation's type; a business has no staff. */
export function staffRoleFor(type: OrgType): StaffRole | null {
  switch (type) {
    case 'merchant':
      return 'merchant';
    case 'bank':
      return 'bank';
    case 'department':
      return 'department';
    case 'centre':
      return 'admin';
    default:
      return null;
  }
}
