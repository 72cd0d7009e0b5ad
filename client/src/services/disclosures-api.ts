/**
 * 双公示 on the client: a department publishes licensing and penalty decisions, lists its own with
 * 迟报 flags and 公示至 dates, states its month's count of decisions; the console reads the
 * departments' timeliness. Types come from the backend's zod schemas through `import type`.
 */
import type { PublishResult } from '../../../functions/disclosures/publish-disclosures';
import type { DeclaredCountResponse, DepartmentDisclosureView, TimelinessResponse } from '../../../functions/disclosures/disclosures.schemas';
import { queryString, request, type PageQuery, type RequestOptions } from './api';

export type DisclosuresResult = PublishResult;
export type DepartmentDisclosure = DepartmentDisclosureView;
export type DisclosureKind = DepartmentDisclosure['kind'];
export type TimelinessReport = TimelinessResponse;
export type DeclaredCount = DeclaredCountResponse;

export const DISCLOSURE_PAGES = {
  list: '/packages/department/disclosures/index',
  submit: '/packages/department/disclosure-submit/index',
  upload: '/packages/department/disclosure-upload/index',
  timeliness: '/packages/admin/disclosure-timeliness/index',
} as const;

/** At most this many decisions go in one call (400 beyond it). */
export const MAX_DISCLOSURES_PER_CALL = 500;

export const KIND_LABELS: Record<DisclosureKind, string> = { license: '行政许可', penalty: '行政处罚' };
export const SEVERITY_OPTIONS = [
  { value: 'light', label: '轻微' },
  { value: 'general', label: '一般' },
  { value: 'serious', label: '严重' },
] as const;
export type DisclosureSeverity = (typeof SEVERITY_OPTIONS)[number]['value'];

export const publishDisclosures = (items: ReadonlyArray<Record<string, unknown>>, options?: RequestOptions) =>
  request<DisclosuresResult>('POST', '/api/disclosures', { items }, options);

export const getDisclosures = (query: PageQuery = {}, options?: RequestOptions) =>
  request<{ items: DepartmentDisclosure[]; nextCursor: string | null }>('GET', `/api/disclosures${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

export const declareDecisionCount = (month: string, count: number, options?: RequestOptions) =>
  request<DeclaredCount>('PUT', '/api/disclosures/declared-counts', { month, count }, options);

export const getDisclosureTimeliness = (months = 12, options?: RequestOptions) =>
  request<TimelinessReport>('GET', `/api/admin/disclosures/timeliness${queryString({ months })}`, undefined, options);
