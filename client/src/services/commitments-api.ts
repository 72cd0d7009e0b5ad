/**
 * 信用管城 public column on the client: the public business look-up (signed out too), credit
 * commitments (templates, signing, a business's own list), breaches (departments) and the
 * centre's template management. Types come from the backend's zod schemas through `import type`.
 */
import type { BreachBody, CommitmentView, SignBody, TemplateCreateBody, TemplateUpdateBody, TemplateView } from '../../../functions/commitments/commitments.schemas';
import type { PublicEnterprise, SearchResponse } from '../../../functions/public/public.schemas';
import { queryString, request, type RequestOptions } from './api';

export type { BreachBody, CommitmentView, PublicEnterprise, SearchResponse, SignBody, TemplateView };
export type SearchHit = SearchResponse['items'][number];

interface Listed<T> {
  items: T[];
  nextCursor: null;
}

/** A business found by its code (exact) or at least 2 characters of its name; at most 20. */
export const searchEnterprises = (q: string, options?: RequestOptions) =>
  request<SearchResponse>('GET', `/api/public/enterprises${queryString({ q })}`, undefined, options);

export const getPublicEnterprise = (uscc: string, options?: RequestOptions) =>
  request<PublicEnterprise>('GET', `/api/public/enterprises/${encodeURIComponent(uscc)}`, undefined, options);

export const getCommitmentTemplates = (options?: RequestOptions) =>
  request<Listed<TemplateView>>('GET', '/api/commitment-templates', undefined, options);

/** Signs a commitment; the same `idempotencyKey` again (a double tap, a retry) returns the same one. */
export const signCommitment = (body: SignBody, idempotencyKey: string, options: RequestOptions = {}) =>
  request<{ id: string; signedAt: string }>('POST', '/api/commitments', body, { ...options, header: { ...options.header, 'Idempotency-Key': idempotencyKey } });

export const getMyCommitments = (options?: RequestOptions) => request<Listed<CommitmentView>>('GET', '/api/commitments', undefined, options);

export const recordBreach = (commitmentId: string, body: BreachBody, options?: RequestOptions) =>
  request<{ commitmentId: string; breach: NonNullable<CommitmentView['breach']>; record: { sourceId: string; ruleId: string } }>(
    'POST',
    `/api/commitments/${encodeURIComponent(commitmentId)}/breaches`,
    body,
    options,
  );

export const getAllCommitmentTemplates = (options?: RequestOptions) =>
  request<Listed<TemplateView>>('GET', '/api/admin/commitment-templates', undefined, options);

export const createCommitmentTemplate = (body: TemplateCreateBody, options?: RequestOptions) =>
  request<TemplateView>('POST', '/api/admin/commitment-templates', body, options);

export const updateCommitmentTemplate = (id: string, body: TemplateUpdateBody, options?: RequestOptions) =>
  request<TemplateView>('PUT', `/api/admin/commitment-templates/${encodeURIComponent(id)}`, body, options);

/** A fresh key for one signing form: kept while the form is open, so a double tap signs once. */
export const newIdempotencyKey = () => `cm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** The pages of this column, for navigation from anywhere. */
export const PUBLIC_COLUMN_PAGES = {
  search: '/packages/public/search/index',
  enterprise: '/packages/public/enterprise/index',
  commitments: '/packages/enterprise/commitments/index',
  breaches: '/packages/department/breaches/index',
  templates: '/packages/admin/commitment-templates/index',
} as const;

export const publicEnterprisePage = (uscc: string) => `${PUBLIC_COLUMN_PAGES.enterprise}?uscc=${encodeURIComponent(uscc)}`;
