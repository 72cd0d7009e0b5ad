import Taro from '@tarojs/taro';
import type { MeResponse, PointsResponse } from '../../../client/src/services/api';

export interface FakeResponse {
  status: number;
  body: unknown;
}

type RouteHandler = (query: URLSearchParams, body: unknown) => FakeResponse | Promise<FakeResponse>;
type Routes = Record<string, FakeResponse | RouteHandler>;

interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}

const requestMock = Taro.request as unknown as jest.Mock;

/**
 * Answers Taro.request by "METHOD /path?query" like the backend would, falling back to
 * "METHOD /path" for any query (a function route gets the query); anything else is a 404.
 */
/** What every screen may load in the background (首页's 信用动态): empty unless a test answers it itself. */
const PUBLIC_DEFAULTS: Routes = { 'GET /api/notices': { status: 200, body: { items: [], nextCursor: null } } };

export function fakeApi(routes: Routes): jest.Mock {
  requestMock.mockImplementation(async (opts: RequestOptions) => {
    const method = opts.method ?? 'GET';
    const [path, search = ''] = opts.url.split('?');
    const route = routes[`${method} ${opts.url}`] ?? routes[`${method} ${path}`] ?? PUBLIC_DEFAULTS[`${method} ${path}`];
    const res = typeof route === 'function' ? await route(new URLSearchParams(search), opts.data) : route;
    if (!res) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '接口不存在' } }, header: {} };
    return { statusCode: res.status, data: res.body, header: {} };
  });
  return requestMock;
}

export const ok = (body: unknown): FakeResponse => ({ status: 200, body });
export const fail = (status: number, code: string, message: string, details?: unknown): FakeResponse => ({
  status,
  body: { error: { code, message, ...(details !== undefined ? { details } : {}) } },
});

export const ZHANG_ME: MeResponse = {
  user: {
    id: 'res-zhang',
    name: '张伟',
    roles: ['resident'],
    manager: false,
    realNameVerified: true,
    maskedIdNumber: '4101**********1234',
  },
};

export const ZHANG_POINTS: PointsResponse = {
  points: 135,
  tier: { code: 'excellent', label: '优秀' },
  dimensions: [
    { code: 'honour', label: '荣誉信息', points: 10 },
    { code: 'virtue', label: '社会公德', points: 25 },
    { code: 'ethics', label: '职业道德', points: 0 },
    { code: 'family', label: '家庭美德', points: 0 },
    { code: 'law', label: '法律法规', points: 0 },
  ],
  asOf: '2025-11-27T09:30:00+08:00',
  nextChangeAt: null,
};

type Me = MeResponse['user'];

/** A signed-in member of an organisation (a merchant, business, bank, department or the centre). */
export const orgMe = (id: string, name: string, role: Me['roles'][number], org: Omit<NonNullable<Me['org']>, 'status'> & { status?: 'active' | 'suspended' }, manager = false): MeResponse => ({
  user: { id, name, roles: [role], orgId: org.id, org: { status: 'active', ...org }, manager, realNameVerified: false },
});

export const MUSEUM_ME = orgMe('mer-museum', '博物馆工作人员', 'merchant', { id: 'org-museum', name: '管城回族区博物馆', type: 'merchant' });
