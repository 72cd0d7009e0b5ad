/**
 * The API of the subject's rights (异议, 信用修复, 联合惩戒, 查询记录, 授权, 信用报告): one typed
 * function per endpoint, on the shared `request` of api.ts. Types come from the backend through
 * `import type` only.
 */
import type { AccessLogPage } from '../../../functions/access-log/access-log.routes';
import type { ConsentView } from '../../../functions/identity/consents';
import type { Measure } from '../../../functions/measures/measures.domain';
import type { MyMeasuresResponse } from '../../../functions/measures/measures.schemas';
import type { CaseView } from '../../../functions/rights/rights.routes';
import { queryString, request, type PageQuery, type RequestOptions } from './api';

export type { AccessLogPage, CaseView, ConsentView, Measure, MyMeasuresResponse };
export type CaseKind = CaseView['kind'];
export type CaseStatus = CaseView['status'];
export type AccessEntry = AccessLogPage['items'][number];
export type AppliedMeasure = MyMeasuresResponse['items'][number];
export type PublicMeasure = Measure & { updatedAt: string };

export interface CasesPage {
  items: CaseView[];
  nextCursor: string | null;
}

export interface CasesQuery extends PageQuery {
  status?: CaseStatus;
  /** The credit centre only: whose queue (`org-dept-…`). */
  department?: string;
}

export interface OpenedCase {
  id: string;
  status: 'OPEN';
  /** When the department must have answered (5 working days). */
  deadline: string;
}

/** A report exactly as the platform signed it: `report` must be sent back unchanged to verify. */
export interface SignedReport {
  report: CreditReport;
  signature: string;
}

export interface ReportRecord {
  title: string;
  ruleId: string;
  points: number;
  occurredAt: string;
  countsUntil: string;
  status: string;
  department: string;
}

/** The fields the app shows; the report may carry more, and all of it is signed. */
export interface CreditReport {
  reportId: string;
  issuer: string;
  issuedAt: string;
  validUntil: string;
  keyId: string;
  reportType: 'person' | 'enterprise';
  title: string;
  subject: { name: string; idNumber?: string; uscc?: string };
  points?: number;
  tier?: string;
  dimensions?: Array<{ label: string; points: number }>;
  grade?: string;
  score?: number;
  drivers?: string[];
  records: ReportRecord[];
  measures: Array<{ title: string; listType: string; until: string }>;
  [key: string]: unknown;
}

export interface VerifyResult {
  valid: boolean;
  /** Why a report is not valid: changed (`SIGNATURE`) or past its validity (`EXPIRED`). */
  reason?: string;
  keyId?: string;
  issuer?: string;
  issuedAt?: string;
}

/** What 复制报告 puts on the clipboard and 报告核验 reads: the report and its signature, as signed. */
export const signedReportJson = (signed: SignedReport) => JSON.stringify({ report: signed.report, signature: signed.signature });

const casePath = (kind: CaseKind) => (kind === 'objection' ? '/api/objections' : '/api/repairs');

/** 提出异议 on one of the caller's records; `409 OBJECTION_OPEN` when one is being handled. */
export const raiseObjection = (eventId: string, reason: string, options?: RequestOptions) =>
  request<OpenedCase>('POST', '/api/objections', { eventId, reason }, options);

/** 申请信用修复 (free); `409 REPAIR_NOT_ALLOWED` says why not yet, `409 REPAIR_OPEN` when one is waiting. */
export const applyForRepair = (eventId: string, statement: string, options?: RequestOptions) =>
  request<OpenedCase>('POST', '/api/repairs', { eventId, statement }, options);

/** Objections or repairs: a subject's own, a department's queue, or (admin) one department's queue. */
export const listCases = (kind: CaseKind, query: CasesQuery = {}, options?: RequestOptions) =>
  request<CasesPage>(
    'GET',
    `${casePath(kind)}${queryString({ limit: query.limit, cursor: query.cursor, status: query.status, department: query.department })}`,
    undefined,
    options,
  );

/** The published joint-punishment measures list (public). */
export const getMeasures = (options?: RequestOptions) =>
  request<{ items: PublicMeasure[]; nextCursor: null }>('GET', '/api/measures', undefined, options);

/** The measures that restrict the caller now: which, because of which record, until when. */
export const getMyMeasures = (options?: RequestOptions) =>
  request<MyMeasuresResponse>('GET', '/api/measures/me', undefined, options);

/** 谁查看了我的信用: every read of the caller's credit data by someone else, newest first. */
export const getAccessLog = (query: PageQuery = {}, options?: RequestOptions) =>
  request<AccessLogPage>('GET', `/api/access-log${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

/** The resident's consents, newest first. */
export const getConsents = (options?: RequestOptions) =>
  request<{ items: ConsentView[]; nextCursor: null }>('GET', '/api/consents', undefined, options);

/** 撤回授权: points pause (`GET /api/points/me` answers `403 CONSENT_WITHDRAWN`) until granted again. */
export const withdrawSensitivePiConsent = (options?: RequestOptions) =>
  request<ConsentView>('POST', '/api/consents/sensitive-pi/withdrawal', undefined, options);

/** 重新授权 to the version `GET /api/consents/sensitive-pi` names. */
export const grantSensitivePiConsent = (consentVersion: string, options?: RequestOptions) =>
  request<ConsentView>('POST', '/api/consents/sensitive-pi', { consentVersion }, options);

/** A freshly signed credit report of the caller (resident or business). */
export const getMyReport = (options?: RequestOptions) =>
  request<SignedReport>('GET', '/api/reports/me', undefined, options);

/** Anyone may check a report: any change to it makes the signature invalid. */
export const verifyReport = (body: { report: unknown; signature: unknown }, options?: RequestOptions) =>
  request<VerifyResult>('POST', '/api/reports/verify', body, options);
