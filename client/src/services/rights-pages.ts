import { RESIDENT_PAGES } from './resident-pages';

/**
 * The subject's rights pages (packages/resident; enterprise users use the same pages), the
 * public pages (packages/public, no sign-in) and the console (packages/admin).
 */
export const RIGHTS_PAGES = {
  cases: '/packages/resident/cases/index',
  accessLog: '/packages/resident/access-log/index',
  consents: '/packages/resident/consents/index',
  report: '/packages/resident/report/index',
  measures: '/packages/resident/measures/index',
} as const;

export const PUBLIC_PAGES = {
  verify: '/packages/public/verify/index',
  measures: '/packages/public/measures/index',
} as const;

export const ADMIN_PAGES = {
  index: '/packages/admin/index/index',
  cases: '/packages/admin/cases/index',
  rules: '/packages/admin/rules/index',
  incentives: '/packages/admin/incentives/index',
  incentiveEdit: '/packages/admin/incentive-edit/index',
  measures: '/packages/admin/measures/index',
  measureEdit: '/packages/admin/measure-edit/index',
  holidays: '/packages/admin/holidays/index',
  notices: '/packages/admin/notices/index',
} as const;

export type EventSubject = 'person' | 'enterprise';

/** A record and 异议与修复 link to each other: going round replaces pages instead of stacking them (services/navigation.ts). */
export const RECORD_CASES_LOOP = [RESIDENT_PAGES.event, RIGHTS_PAGES.cases] as const;

/** A record's detail page; a business's records are looked up among the business's. */
export const subjectEventPage = (id: string, subject: EventSubject = 'person') =>
  `${RESIDENT_PAGES.event}?id=${encodeURIComponent(id)}${subject === 'enterprise' ? '&subject=enterprise' : ''}`;

/** The console's queue of one kind (objections or repairs). */
export const adminCasesPage = (kind: 'objection' | 'repair') => `${ADMIN_PAGES.cases}?kind=${kind}`;

const withId = (page: string, id?: string) => (id ? `${page}?id=${encodeURIComponent(id)}` : page);
export const incentiveEditPage = (id?: string) => withId(ADMIN_PAGES.incentiveEdit, id);
export const measureEditPage = (id?: string) => withId(ADMIN_PAGES.measureEdit, id);
