/** The pages of the department workbench (packages/department), for navigation from anywhere. */
export const DEPARTMENT_PAGES = {
  index: '/packages/department/index/index',
  submit: '/packages/department/submit/index',
  upload: '/packages/department/upload/index',
  records: '/packages/department/records/index',
} as const;
