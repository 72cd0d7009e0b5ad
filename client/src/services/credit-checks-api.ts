/**
 * 信用核查 (政务用信) on the client: a department checks a list of businesses for a purpose, reads
 * the verdicts and the signed report, and keeps its past checks. Types come from the backend's zod
 * schemas through `import type`.
 */
import type { CheckPurpose, Verdict } from '../../../functions/credit-checks/credit-checks.domain';
import type { CreditCheckBody, CreditCheckResponse, CreditChecksPage } from '../../../functions/credit-checks/credit-checks.schemas';
import { queryString, request, type PageQuery, type RequestOptions } from './api';

export type { CheckPurpose, CreditCheckBody, CreditCheckResponse, CreditChecksPage, Verdict };
export type CheckResult = CreditCheckResponse['results'][number];
export type CheckListItem = CreditChecksPage['items'][number];

export const CREDIT_CHECK_PAGES = {
  start: '/packages/department/credit-check/index',
  result: '/packages/department/credit-check-result/index',
  list: '/packages/department/credit-checks/index',
} as const;

export const creditCheckResultPage = (id: string) => `${CREDIT_CHECK_PAGES.result}?id=${encodeURIComponent(id)}`;

/** At most this many businesses in one check (the API refuses more). */
export const MAX_SUBJECTS_PER_CHECK = 200;

export const CHECK_PURPOSES: readonly { value: CheckPurpose; label: string }[] = [
  { value: 'procurement', label: '政府采购' },
  { value: 'bidding', label: '招标投标' },
  { value: 'approval', label: '行政审批' },
  { value: 'award', label: '评优评先' },
  { value: 'subsidy', label: '财政补贴' },
];

export const VERDICT_VIEW: Record<Verdict, { label: string; tone: 'ok' | 'bad' | 'muted' }> = {
  clear: { label: '未发现限制', tone: 'ok' },
  restricted: { label: '存在限制', tone: 'bad' },
  not_found: { label: '未找到', tone: 'muted' },
};

export const runCreditCheck = (body: CreditCheckBody, options?: RequestOptions) => request<CreditCheckResponse>('POST', '/api/credit-checks', body, options);

export const getCreditChecks = (query: PageQuery = {}, options?: RequestOptions) =>
  request<CreditChecksPage>('GET', `/api/credit-checks${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

export const getCreditCheck = (id: string, options?: RequestOptions) => request<CreditCheckResponse>('GET', `/api/credit-checks/${encodeURIComponent(id)}`, undefined, options);
