/**
 * The department workbench's API: one typed function per endpoint, on the shared `request` of
 * api.ts. Request types come from the backend through `import type`; the parts of the issue-11
 * contract the backend does not type yet (the record list, `org.status`, `feeds`) are spelt out
 * here and stay compatible once it does.
 */
import type { CreditRecordInput } from '../../../functions/credit/record-validation';
import type { IngestResult } from '../../../functions/credit/ingest-credit-records';
import type { Severity, SubjectType } from '../../../functions/rules/rules.domain';
import { queryString, request, type Me, type PageQuery, type RequestOptions, type RulesResponse, type RuleView } from './api';

export type { CreditRecordInput, RuleView, Severity, SubjectType };

/** What `POST /api/credit-records` answers: counts, and the rejected records by their index in the call. */
export type CreditRecordsResult = IngestResult;
export type RecordRejection = IngestResult['rejected'][number];

/** At most this many records go in one call (`413 TOO_MANY_RECORDS` beyond it). */
export const MAX_RECORDS_PER_CALL = 500;

/** A submitted record's state: attached to a subject, waiting for a person to sign up, under objection, … */
export type RecordState = 'attached' | 'waiting' | 'disputed' | 'repaired' | 'retracted' | 'expired';

export interface SubmittedRecord {
  id: string;
  sourceId: string;
  ruleId: string;
  title: string;
  subjectType: SubjectType;
  /** Never the full identifier: `4101**********1234`, `914101**********1X`. */
  subjectMasked: string;
  occurredAt: string;
  receivedAt: string;
  severity?: Severity;
  points: number;
  state: RecordState;
}

export interface SubmittedRecordsPage {
  items: SubmittedRecord[];
  nextCursor: string | null;
}

export interface DepartmentFeeds {
  /** Rules of other departments this department may also submit. */
  rules?: string[];
  registries?: string[];
}

export interface DepartmentOrg {
  id: string;
  name: string;
  type: string;
  /** A suspended department cannot submit. */
  status?: 'active' | 'suspended';
}

/** `GET /api/me` as department staff see it. */
export type DepartmentMe = Omit<Me, 'org'> & {
  org?: DepartmentOrg;
  manager?: boolean;
  feeds?: DepartmentFeeds;
};

export const getDepartmentMe = (options?: RequestOptions) =>
  request<{ user: DepartmentMe }>('GET', '/api/me', undefined, options);

/** The whole current rule catalogue in one answer. */
export const getRuleCatalogue = (options?: RequestOptions) =>
  request<RulesResponse>('GET', '/api/rules', undefined, options);

/** A line of a department's file, sent as read: the server judges every record on its own. */
export type RawRecord = Record<string, unknown>;

/** Submits 1–500 records; each is judged on its own, a known `sourceId` counts as a duplicate. */
export const submitCreditRecords = (records: ReadonlyArray<CreditRecordInput | RawRecord>, options?: RequestOptions) =>
  request<CreditRecordsResult>('POST', '/api/credit-records', { records }, options);

/** The department's own submitted records, newest first. */
export const getCreditRecords = (query: PageQuery = {}, options?: RequestOptions) =>
  request<SubmittedRecordsPage>('GET', `/api/credit-records${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);
