/**
 * The API of the credit centre's console and the departments' queues: one typed function per
 * endpoint, on the shared `request` of api.ts. Types come from the backend through `import type`.
 */
import type { HolidayYearViewDto, PutHolidayYearBody } from '../../../functions/holidays/holidays.schemas';
import type { IncentiveInput, IncentiveUpdate, IncentiveView } from '../../../functions/incentives/incentives.schemas';
import type { Measure } from '../../../functions/measures/measures.domain';
import type { PublishVersionBody } from '../../../functions/rules/rules.schemas';
import type { DashboardSnapshot } from '../../../functions/stats/refresh-stats';
import { request, type RequestOptions } from './api';
import type { CaseKind, CaseView, PublicMeasure } from './rights-api';

export type { DashboardSnapshot, IncentiveInput, IncentiveUpdate, PublishVersionBody };
export type HolidayYear = HolidayYearViewDto;
export type HolidayYearInput = PutHolidayYearBody;
export type RuleInput = PublishVersionBody['rules'][number];

export interface DashboardResponse {
  /** Computed by the statistics job; null until it has run once. */
  snapshot: DashboardSnapshot | null;
  /** The last 14 days, oldest first (counted as redemptions happen, not by the job). */
  redemptionsPerDay: Array<{ day: string; count: number }>;
}

export interface CatalogueVersionSummary {
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  note: string;
  ruleCount: number;
}

export interface OrgSummary {
  id: string;
  name: string;
  type: string;
}

export type CaseDecision = 'uphold' | 'reject' | 'approve';

export const getDashboard = (options?: RequestOptions) =>
  request<DashboardResponse>('GET', '/api/admin/dashboard', undefined, options);

/** Every published version of the rule catalogue (the current one comes from `getRules`). */
export const getRuleVersions = (options?: RequestOptions) =>
  request<{ items: CatalogueVersionSummary[]; nextCursor: null }>('GET', '/api/rules/versions', undefined, options);

/** Publishes a whole new catalogue version; `409 VERSION_CONFLICT` when someone published first. */
export const publishRuleVersion = (body: PublishVersionBody, options?: RequestOptions) =>
  request<{ version: number; effectiveFrom: string }>('POST', '/api/rules/versions', body, options);

export const createIncentive = (input: IncentiveInput, options?: RequestOptions) =>
  request<IncentiveView>('POST', '/api/incentives', input, options);

/** `409 EDIT_CONFLICT` when the scenario changed since `expectedUpdatedAt`. */
export const updateIncentive = (id: string, update: IncentiveUpdate, options?: RequestOptions) =>
  request<IncentiveView>('PUT', `/api/incentives/${encodeURIComponent(id)}`, update, options);

/** Organisations of one type (merchants to assign to a scenario, departments to pick a queue). */
export const getOrgs = (type: 'merchant' | 'department', options?: RequestOptions) =>
  request<{ items: OrgSummary[]; nextCursor: null }>('GET', `/api/orgs?type=${type}`, undefined, options);

/** `409 MEASURE_EXISTS` when the id is taken. */
export const createMeasure = (measure: Measure, options?: RequestOptions) =>
  request<PublicMeasure>('POST', '/api/measures', measure, options);

/** `409 EDIT_CONFLICT` when the measure changed since `expectedUpdatedAt`. */
export const updateMeasure = (id: string, measure: Omit<Measure, 'id'>, expectedUpdatedAt: string, options?: RequestOptions) =>
  request<PublicMeasure>('PUT', `/api/measures/${encodeURIComponent(id)}`, { measure, expectedUpdatedAt }, options);

/** The department (or the centre) answers a case with a reason; `409 CASE_CLOSED` if already answered. */
export const decideCase = (kind: CaseKind, id: string, decision: CaseDecision, reason: string, options?: RequestOptions) =>
  request<CaseView>('POST', `/api/${kind === 'objection' ? 'objections' : 'repairs'}/${encodeURIComponent(id)}/decision`, { decision, reason }, options);

/** The working-day calendar: the bundled State Council years and the ones the centre entered. */
export const getHolidayYears = (options?: RequestOptions) =>
  request<{ items: HolidayYear[]; nextCursor: null }>('GET', '/api/admin/holidays', undefined, options);

/** Enters (or corrects) one year; `400 VALIDATION_FAILED` names each bad date. */
export const putHolidayYear = (year: number, input: HolidayYearInput, options?: RequestOptions) =>
  request<HolidayYear>('PUT', `/api/admin/holidays/${year}`, input, options);
