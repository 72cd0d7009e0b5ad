import { SignJWT } from 'jose';
import request from 'supertest';
import { TokenService } from '../../../functions/shared/auth/tokens';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  const me = (token?: string, scheme = 'Bearer') => {
    const r = request(t.app).get('/api/me');
    return token === undefined ? r : r.set('authorization', `${scheme} ${token}`);
  };

  it('refuses a request without a token with 401', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['garbage', 'not-a-jwt'],
    ['an empty token', ''],
    ['a token with spaces', 'a b c'],
  ])('refuses %s with 401', async (_label, token) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a Basic scheme', async () => {
    expect((await me('dXNlcjpwYXNz', 'Basic')).status).toBe(401);
  });

  const forged = async (opts: { secret?: string; issuer?: string; audience?: string; exp?: number; alg?: string; roles?: string[] }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: opts.roles ?? ['admin'] })
      .setProtectedHeader({ alg: opts.alg ?? 'HS256' })
      .setSubject('admin')
      .setJti('forged-session')
      .setIssuer(opts.issuer ?? t.config.jwtIssuer)
      .setAudience(opts.audience ?? t.config.jwtAudience)
      .setIssuedAt(now - 10)
      .setExpirationTime(opts.exp ?? now + 600)
      .sign(new TextEncoder().encode(opts.secret ?? t.config.jwtSecret));
  };

  it('accepts a token made with the right key, issuer and audience (control)', async () => {
    expect((await me(await forged({}))).status).toBe(200);
  });

  it.each([
    ['signed with another key', { secret: 'another-secret-of-sufficient-length-000000' }],
    ['from another issuer', { issuer: 'someone-else' }],
    ['for another audience', { audience: 'cxgc-app-prod' }],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }],
    ['signed with HS512', { alg: 'HS512' }],
    ['carrying an unknown role', { roles: ['superuser'] }],
  ])('refuses a token %s', async (_label, opts) => {
    const res = await me(await forged(opts));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unsigned (alg none) token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', roles: ['admin'], iss: t.config.jwtIssuer, aud: t.config.jwtAudience, iat: now, exp: now + 600 })}.`;
    expect((await me(token)).status).toBe(401);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const token = await loginAs(t.app, 'res-zhang');
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.roles = ['admin'];
    const altered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect((await me(altered)).status).toBe(401);
  });

  it('refuses a token from a deployment with another secret', async () => {
    const other = new TokenService({ secret: 'q'.repeat(40), issuer: t.config.jwtIssuer, audience: t.config.jwtAudience, ttlSeconds: 600 });
    const { token } = await other.issue({ userId: 'admin', roles: ['admin'] }, Math.floor(Date.now() / 1000));
    expect((await me(token)).status).toBe(401);
  });

  it('lets only residents read /api/points/me (403 for every other role)', async () => {
    for (const userId of ['mer-museum', 'ent-huaxin', 'bank-zy', 'dept-market', 'admin']) {
      const token = await loginAs(t.app, userId);
      const res = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${token}`);
      expect({ userId, status: res.status, code: res.body.error?.code }).toEqual({ userId, status: 403, code: 'FORBIDDEN' });
    }
  });
});
