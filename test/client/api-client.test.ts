import Taro from '@tarojs/taro';
import {
  ApiError,
  devLogin,
  getMe,
  getMyEvents,
  getMyPoints,
  getMyTrend,
  getRules,
  getSensitivePiConsent,
  NETWORK_ERROR_MESSAGE,
  verifyRealName,
} from '../../client/src/services/api';
import { clearSession, getToken, saveToken } from '../../client/src/services/session';
import { storageSnapshot } from './stubs/taro';
import { fail, fakeApi, ok, ZHANG_ME, ZHANG_POINTS } from './support/fake-api';

const request = Taro.request as unknown as jest.Mock;
const showToast = Taro.showToast as unknown as jest.Mock;

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('API client', () => {
  beforeEach(() => clearSession());

  it('sends the Bearer token to the same origin and returns the JSON body', async () => {
    saveToken('tok-123');
    fakeApi({ 'GET /api/me': ok(ZHANG_ME) });
    await expect(getMe()).resolves.toEqual(ZHANG_ME);
    const opts = request.mock.calls[0][0];
    expect(opts.url).toBe('/api/me');
    expect(opts.header.Authorization).toBe('Bearer tok-123');
    expect(showToast).not.toHaveBeenCalled();
  });

  it('sends no Authorization header without a session', async () => {
    fakeApi({ 'POST /api/auth/dev-login': ok({ token: 't', expiresAt: '2030-01-01T00:00:00Z', user: ZHANG_ME.user }) });
    await devLogin('res-zhang');
    const opts = request.mock.calls[0][0];
    expect(opts.method).toBe('POST');
    expect(opts.data).toEqual({ userId: 'res-zhang' });
    expect(opts.header.Authorization).toBeUndefined();
  });

  it('turns the error JSON into an ApiError and shows its Chinese message in a toast', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/points/me': fail(403, 'FORBIDDEN', '当前账号无权进行此操作') });
    const err = await caught(getMyPoints());
    expect(err).toMatchObject({ status: 403, code: 'FORBIDDEN', message: '当前账号无权进行此操作' });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '当前账号无权进行此操作', icon: 'none' }));
    expect(getToken()).toBe('tok');
  });

  it('keeps the error details for forms to show', async () => {
    const details = [{ field: 'userId', message: '取值不正确' }];
    fakeApi({ 'POST /api/auth/dev-login': fail(400, 'VALIDATION_FAILED', '请求参数不正确', details) });
    const err = await caught(devLogin('res-zhang'));
    expect(err.details).toEqual(details);
  });

  it('ends the session on 401: the token is removed from storage', async () => {
    saveToken('expired');
    fakeApi({ 'GET /api/me': fail(401, 'UNAUTHENTICATED', '登录已过期，请重新登录') });
    const err = await caught(getMe());
    expect(err.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(Object.values(storageSnapshot())).not.toContain('expired');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
  });

  it('does not toast the codes the caller shows itself', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/points/me': fail(403, 'REAL_NAME_REQUIRED', '请先完成实名认证') });
    const err = await caught(getMyPoints({ quietCodes: ['REAL_NAME_REQUIRED'] }));
    expect(err.code).toBe('REAL_NAME_REQUIRED');
    expect(showToast).not.toHaveBeenCalled();
  });

  it('reports a network failure in Chinese', async () => {
    request.mockRejectedValue(Object.assign(new Error('request:fail'), { errMsg: 'request:fail' }));
    const err = await caught(getMe());
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试', icon: 'none' }));
  });

  it('falls back to a Chinese message when the error body is not the API format', async () => {
    fakeApi({ 'GET /api/me': { status: 502, body: '<html>Bad Gateway</html>' } });
    const err = await caught(getMe());
    expect(err).toMatchObject({ status: 502, code: 'HTTP_ERROR', message: '服务暂时不可用，请稍后重试' });
  });

  it('returns the points of the signed-in resident', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/points/me': ok(ZHANG_POINTS) });
    await expect(getMyPoints()).resolves.toMatchObject({ points: 135, tier: { label: '优秀' } });
  });

  it('pages the events with limit and an encoded cursor, and leaves out what is not given', async () => {
    saveToken('tok');
    fakeApi({ 'GET /api/points/me/events': ok({ items: [], nextCursor: null }) });
    await getMyEvents();
    await getMyEvents({ limit: 20, cursor: 'eyJvIjoiMjAyNiJ9' });
    await getMyEvents({ limit: 5, cursor: null });
    expect(request.mock.calls.map((c) => c[0].url)).toEqual([
      '/api/points/me/events',
      '/api/points/me/events?limit=20&cursor=eyJvIjoiMjAyNiJ9',
      '/api/points/me/events?limit=5',
    ]);
  });

  it('calls trend, rules, consent and real-name at their paths', async () => {
    saveToken('tok');
    fakeApi({
      'GET /api/points/me/trend': ok({ items: [] }),
      'GET /api/rules': ok({ version: 1, effectiveFrom: '2021-01-01T00:00:00+08:00', items: [], nextCursor: null }),
      'GET /api/consents/sensitive-pi': ok({ type: 'sensitive-pi', version: '2026-01' }),
      'POST /api/me/real-name': ok({ realNameVerified: true, maskedIdNumber: '4101**********1234', name: '王芳' }),
    });
    await expect(getMyTrend()).resolves.toEqual({ items: [] });
    await expect(getRules()).resolves.toMatchObject({ version: 1 });
    await expect(getSensitivePiConsent()).resolves.toEqual({ type: 'sensitive-pi', version: '2026-01' });
    const body = { name: '王芳', idNumber: '41010419900307123X', consent: true as const, consentVersion: '2026-01' };
    await expect(verifyRealName(body)).resolves.toMatchObject({ maskedIdNumber: '4101**********1234' });
    const post = request.mock.calls[3][0];
    expect(post).toMatchObject({ method: 'POST', url: '/api/me/real-name', data: body });
  });
});
