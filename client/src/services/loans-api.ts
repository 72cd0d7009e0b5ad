/**
 * 信易贷 endpoints: business registration, the product marketplace, eligibility, applications,
 * authorisations and the banks' side. One typed function per endpoint, through the shared
 * request helper of `api.ts`; types come from the backend's zod schemas by `import type` only.
 */
import type { EnterpriseProfile, RegisterBody } from '../../../functions/enterprises/enterprises.schemas';
import type {
  ApplicationBody,
  ApplicationView,
  AuthorizationView,
  BankReport,
  EligibilityResponse,
  ProductView,
} from '../../../functions/loans/loans.schemas';
import { isApiError, queryString, request, type RequestOptions } from './api';

export type { EnterpriseProfile, RegisterBody, ApplicationBody, ApplicationView, AuthorizationView, BankReport, EligibilityResponse, ProductView };
export type ApplicationStatus = ApplicationView['status'];
export type ProductCriteria = ProductView['criteria'];
export type Criterion = EligibilityResponse['criteria'][number];
/** What a bank sends to publish or edit a product. */
export type ProductInput = Pick<
  ProductView,
  'name' | 'description' | 'minAmount' | 'maxAmount' | 'minTermMonths' | 'maxTermMonths' | 'annualRateMin' | 'annualRateMax' | 'criteria'
>;

export interface RegisterResult {
  id: string;
  uscc: string;
  /** A new session that carries the organisation: it replaces the current token. */
  token: string;
}

export interface ProductsQuery {
  amount?: number;
  termMonths?: number;
  /** Banks: their own products, withdrawn ones included. */
  mine?: boolean;
}

export interface ApplicationsQuery {
  limit?: number;
  cursor?: string | null;
  status?: ApplicationStatus;
  overdue?: boolean;
}

export interface ApplicationsPage {
  items: ApplicationView[];
  nextCursor: string | null;
}

export interface AuthorizationsResponse {
  items: AuthorizationView[];
}

export const registerEnterprise = (body: RegisterBody, options?: RequestOptions) =>
  request<RegisterResult>('POST', '/api/enterprises', body, options);

/** The caller's business with its grade and records; `409 NOT_REGISTERED` before 企业认证. */
export const getMyEnterprise = (options?: RequestOptions) =>
  request<EnterpriseProfile>('GET', '/api/enterprises/me', undefined, options);

/** The marketplace; for a business each item also carries `eligible` and `failedCriteria`. */
export const getLoanProducts = (query: ProductsQuery = {}, options?: RequestOptions) =>
  request<{ items: ProductView[] }>(
    'GET',
    `/api/loan-products${queryString({ amount: query.amount, termMonths: query.termMonths, mine: query.mine ? 'true' : undefined })}`,
    undefined,
    options,
  );

export const getEligibility = (productId: string, options?: RequestOptions) =>
  request<EligibilityResponse>('GET', `/api/loan-products/${encodeURIComponent(productId)}/eligibility`, undefined, options);

/**
 * Submits an application. The same `idempotencyKey` must be sent again on a retry of the same
 * form, so the server answers with the one application it made.
 */
export const submitApplication = (body: ApplicationBody, idempotencyKey: string, options: RequestOptions = {}) =>
  request<ApplicationView>('POST', '/api/loan-applications', body, {
    ...options,
    header: { ...options.header, 'Idempotency-Key': idempotencyKey },
  });

export const getApplications = (query: ApplicationsQuery = {}, options?: RequestOptions) =>
  request<ApplicationsPage>(
    'GET',
    `/api/loan-applications${queryString({
      limit: query.limit,
      cursor: query.cursor,
      status: query.status,
      overdue: query.overdue ? 'true' : undefined,
    })}`,
    undefined,
    options,
  );

/** One application; a bank opening a submitted one moves it to 审批中. */
export const getApplication = (id: string, options?: RequestOptions) =>
  request<ApplicationView>('GET', `/api/loan-applications/${encodeURIComponent(id)}`, undefined, options);

export const withdrawApplication = (id: string, options?: RequestOptions) =>
  request<ApplicationView>('POST', `/api/loan-applications/${encodeURIComponent(id)}/withdrawal`, undefined, options);

/** The applicant's credit report as the bank may read it (`403 NOT_AUTHORIZED` otherwise). */
export const getCreditReport = (applicationId: string, options?: RequestOptions) =>
  request<BankReport>('GET', `/api/loan-applications/${encodeURIComponent(applicationId)}/credit-report`, undefined, options);

export const decideApplication = (
  id: string,
  body: { decision: 'approve' | 'reject'; reason?: string },
  options?: RequestOptions,
) => request<ApplicationView>('POST', `/api/loan-applications/${encodeURIComponent(id)}/decision`, body, options);

export const recordDisbursement = (id: string, amount: number, options?: RequestOptions) =>
  request<ApplicationView>('POST', `/api/loan-applications/${encodeURIComponent(id)}/disbursement`, { amount }, options);

export const getAuthorizations = (options?: RequestOptions) =>
  request<AuthorizationsResponse>('GET', '/api/authorizations', undefined, options);

export const grantAuthorization = (bankId: string, days: number, options?: RequestOptions) =>
  request<{ id: string; expiresAt: string }>('POST', '/api/authorizations', { bankId, days }, options);

export const revokeAuthorization = (id: string, options?: RequestOptions) =>
  request<unknown>('DELETE', `/api/authorizations/${encodeURIComponent(id)}`, undefined, options);

export const createProduct = (input: ProductInput, options?: RequestOptions) =>
  request<ProductView>('POST', '/api/loan-products', input, options);

/** Edits a product; `expectedUpdatedAt` makes a concurrent edit fail with `409 EDIT_CONFLICT`. */
export const updateProduct = (id: string, input: ProductInput, expectedUpdatedAt: string, options?: RequestOptions) =>
  request<ProductView>('PUT', `/api/loan-products/${encodeURIComponent(id)}`, { product: input, expectedUpdatedAt }, options);

export const withdrawProduct = (id: string, expectedUpdatedAt: string, options?: RequestOptions) =>
  request<ProductView>('POST', `/api/loan-products/${encodeURIComponent(id)}/withdrawal`, { expectedUpdatedAt }, options);

/** The caller's business, or null before 企业认证 (409 NOT_REGISTERED is an answer here, not an error). */
export async function getMyEnterpriseOrNull(): Promise<EnterpriseProfile | null> {
  try {
    return await getMyEnterprise({ quietCodes: ['NOT_REGISTERED'] });
  } catch (e) {
    if (isApiError(e) && e.code === 'NOT_REGISTERED') return null;
    throw e;
  }
}
