/**
 * The one typed client for the backend's HTTP API: one function per endpoint.
 * Response types come from the backend's zod schemas through `import type` only, so no server
 * code is ever bundled into the app.
 */
import Taro from '@tarojs/taro';
import type { AuthResponse, MeResponse, SessionUser } from '../../../functions/identity/identity.schemas';
import type { DemoUserId } from '../../../functions/identity/demo-identities';
import type {
  CreditEventView,
  EventsPage,
  PointsResponse,
  RealNameBody,
  TrendResponse,
} from '../../../functions/points/points.schemas';
import type { RuleView, RulesResponse } from '../../../functions/rules/rules.schemas';
import type {
  IncentiveView,
  IncentivesResponse,
  PassResponse,
  PassStatusResponse,
  RedemptionResponse,
  RedemptionView,
  RedemptionsPage,
} from '../../../functions/incentives/incentives.schemas';
import { clearSession, getToken } from './session';

export type { AuthResponse, MeResponse, SessionUser, DemoUserId, PointsResponse };
export type { CreditEventView, EventsPage, TrendResponse, RealNameBody, RuleView, RulesResponse };
export type { IncentiveView, IncentivesResponse, PassResponse, PassStatusResponse, RedemptionResponse, RedemptionView, RedemptionsPage };
export type Me = MeResponse['user'];
export type Role = SessionUser['roles'][number];

/** The consent text in force and its version (the resident sends the version back when agreeing). */
export interface ConsentDocument {
  type: string;
  version: string;
  title: string;
  /** Sections separated by a blank line; the first line of each is its heading. */
  text: string;
}

export interface RealNameResult {
  realNameVerified: true;
  maskedIdNumber: string;
  name: string;
  /** A fresh session naming the resident's credit subject (their points are then read in one round trip). */
  token?: string;
}

export interface PageQuery {
  limit?: number;
  cursor?: string | null;
}

export interface RedemptionsQuery extends PageQuery {
  /** Merchants only: first day, `YYYY-MM-DD` (China time). */
  from?: string;
  /** Merchants only: last day, `YYYY-MM-DD` (China time). */
  to?: string;
}

export interface HealthResponse {
  status: string;
  database: string;
  version?: string;
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const FALLBACK_MESSAGE = '服务暂时不可用，请稍后重试';

/** An error answered by the API (`{"error":{"code","message","details"}}`) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export interface RequestOptions {
  /** Error codes the caller shows in its own UI, so no toast is raised for them. */
  quietCodes?: readonly string[];
  /** No toast at all: for background work (polling) whose failures the page handles itself. */
  silent?: boolean;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  header?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type ResponseBody = TaroGeneral.IAnyObject | string;

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as ErrorBody | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR';
  const message =
    typeof err?.message === 'string' && err.message.length > 0
      ? err.message
      : status === 401
        ? '登录已失效，请重新登录'
        : FALLBACK_MESSAGE;
  return new ApiError(status, code, message, err?.details);
}

function toast(message: string): void {
  // A toast is best effort: a failure to show one must never hide the real error.
  try {
    Promise.resolve(Taro.showToast({ title: message, icon: 'none', duration: 2500 })).catch(() => undefined);
  } catch {
    // ignored on purpose, see above
  }
}

/** `?a=1&b=x` from the defined values, or '' when there are none. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) header['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.header) Object.assign(header, options.header);

  let res: Taro.request.SuccessCallbackResult<ResponseBody>;
  try {
    res = await Taro.request<ResponseBody>({
      url: `${API_BASE}${path}`,
      method,
      data: body as TaroGeneral.IAnyObject | undefined,
      header,
      dataType: 'json',
    });
  } catch {
    // A poll that runs every few seconds handles a lost connection itself, without a toast each time.
    if (!options.silent && !options.quietCodes?.includes('NETWORK_ERROR')) toast(NETWORK_ERROR_MESSAGE);
    throw new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }

  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;

  const error = toApiError(res.statusCode, res.data);
  // A rejected token means the session is over: forget it so every page shows 「请先登录」.
  if (error.status === 401) clearSession();
  if (!options.silent && !options.quietCodes?.includes(error.code)) toast(error.message);
  throw error;
}

export const getHealth = (options?: RequestOptions) => request<HealthResponse>('GET', '/api/health', undefined, options);

export const devLogin = (userId: DemoUserId, options?: RequestOptions) =>
  request<AuthResponse>('POST', '/api/auth/dev-login', { userId }, options);

export const wechatLogin = (code: string, options?: RequestOptions) =>
  request<AuthResponse>('POST', '/api/auth/wechat', { code }, options);

export const getMe = (options?: RequestOptions) => request<MeResponse>('GET', '/api/me', undefined, options);

export const getMyPoints = (options?: RequestOptions) =>
  request<PointsResponse>('GET', '/api/points/me', undefined, options);

export const getMyEvents = (query: PageQuery = {}, options?: RequestOptions) =>
  request<EventsPage>('GET', `/api/points/me/events${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

export const getMyTrend = (options?: RequestOptions) =>
  request<TrendResponse>('GET', '/api/points/me/trend', undefined, options);

export const getRules = (options?: RequestOptions) => request<RulesResponse>('GET', '/api/rules', undefined, options);

/** 《个人敏感信息处理授权书》 in force: title, full text and the version to accept. */
export const getSensitivePiConsent = (options?: RequestOptions) =>
  request<ConsentDocument>('GET', '/api/consents/sensitive-pi', undefined, options);

export const verifyRealName = (body: RealNameBody, options?: RequestOptions) =>
  request<RealNameResult>('POST', '/api/me/real-name', body, options);

/** The 信易+ catalogue; with a resident's token each item also says whether they can use it and why not. */
export const getIncentives = (options?: RequestOptions) =>
  request<IncentivesResponse>('GET', '/api/incentives', undefined, options);

/** A fresh single-use pass for one scenario (60 s); `403 NOT_ELIGIBLE` carries `details.reasons`. */
export const issuePass = (incentiveId: string, options?: RequestOptions) =>
  request<PassResponse>('POST', `/api/incentives/${encodeURIComponent(incentiveId)}/passes`, undefined, options);

/** The state of one of the resident's own passes: active, used (where and when) or expired. */
export const getPassStatus = (passId: string, options?: RequestOptions) =>
  request<PassStatusResponse>('GET', `/api/passes/${encodeURIComponent(passId)}`, undefined, options);

/** A merchant redeems a pass: scanning is redeeming, there is no separate confirmation. */
export const redeemPass = (pass: string, options?: RequestOptions) =>
  request<RedemptionResponse>('POST', '/api/redemptions', { pass }, options);

/** Redemption history: a merchant's own organisation (with `todayCount`), or a resident's own. */
export const getRedemptions = (query: RedemptionsQuery = {}, options?: RequestOptions) =>
  request<RedemptionsPage>(
    'GET',
    `/api/redemptions${queryString({ limit: query.limit, cursor: query.cursor, from: query.from, to: query.to })}`,
    undefined,
    options,
  );
