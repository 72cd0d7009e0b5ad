/** The pages of the organisations subpackage (packages/org), for navigation from anywhere. */
export const ORG_PAGES = {
  orgs: '/packages/org/orgs/index',
  orgEdit: '/packages/org/org-edit/index',
  staff: '/packages/org/staff/index',
  join: '/packages/org/join/index',
} as const;

/** 新建机构 without an id, otherwise that organisation's page. */
export const orgEditPage = (id?: string) => (id ? `${ORG_PAGES.orgEdit}?id=${encodeURIComponent(id)}` : ORG_PAGES.orgEdit);

/** 员工管理 of one organisation; without an id, the manager's own. */
export const staffPage = (orgId?: string) => (orgId ? `${ORG_PAGES.staff}?orgId=${encodeURIComponent(orgId)}` : ORG_PAGES.staff);
