import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startFakeWechat, type FakeWechat } from '../../support/fake-wechat';
import { testApp, type TestApp } from '../../support/test-app';

describe('POST /api/auth/wechat', () => {
  let wechat: FakeWechat;
  let t: TestApp;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await testApp({ WECHAT_API_BASE: wechat.baseUrl, WECHAT_APP_ID: 'wx-test-app', WECHAT_APP_SECRET: 'test-secret' });
  });
  afterAll(() => wechat.close());

  it('exchanges a valid code for a session and creates a resident on first login', async () => {
    const openid = randomUUID();
    const res = await request(t.app).post('/api/auth/wechat').send({ code: `ok-${openid}` });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: '微信用户', roles: ['resident'] });
    expect(typeof res.body.token).toBe('string');
    const call = wechat.calls.at(-1)!;
    expect(call.get('appid')).toBe('wx-test-app');
    expect(call.get('secret')).toBe('test-secret');
    expect(call.get('grant_type')).toBe('authorization_code');

    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: res.body.user.id, realNameVerified: false });
  });

  it('signs the same WeChat user into the same account every time', async () => {
    const openid = randomUUID();
    const a = await request(t.app).post('/api/auth/wechat').send({ code: `ok-${openid}` });
    const b = await request(t.app).post('/api/auth/wechat').send({ code: `ok-${openid}` });
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  it('creates exactly one account when ten first logins of one user race', async () => {
    const openid = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => request(t.app).post('/api/auth/wechat').send({ code: `ok-${openid}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
  });

  it('never returns the session_key', async () => {
    const res = await request(t.app).post('/api/auth/wechat').send({ code: `ok-${randomUUID()}` });
    expect(JSON.stringify(res.body)).not.toContain('SECRET-SESSION-KEY');
    expect(JSON.stringify(res.headers)).not.toContain('SECRET-SESSION-KEY');
  });

  it.each([
    ['an invalid code', 'bad-code', 401, 'UNAUTHENTICATED'],
    ['a used code', 'used-1', 401, 'UNAUTHENTICATED'],
    ['WeChat rate limiting', 'busy-1', 429, 'RATE_LIMITED'],
    ['WeChat failing', 'down-1', 502, 'WECHAT_UNAVAILABLE'],
  ])('answers %s with %i %s', async (_label, code, status, errorCode) => {
    const res = await request(t.app).post('/api/auth/wechat').send({ code });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(errorCode);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers 502 when WeChat cannot be reached at all', async () => {
    const down = await testApp({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
    const res = await request(down.app).post('/api/auth/wechat').send({ code: 'ok-x' });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it.each([[{}], [{ code: '' }], [{ code: 123 }], [{ code: 'a b' }], [{ code: 'ok-1', extra: true }]])(
    'refuses the malformed body %j with 400 VALIDATION_FAILED',
    async (body) => {
      const res = await request(t.app).post('/api/auth/wechat').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Array.isArray(res.body.error.details)).toBe(true);
    },
  );
});
