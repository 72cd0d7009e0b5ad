import { SignJWT } from 'jose';
import request from 'supertest';
import { allRoutes } from '../../../functions/app';
import { ROLES, type Role } from '../../../functions/shared/auth/roles';
import type { AnyRoute } from '../../../functions/shared/http/route';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const DEMO_BY_ROLE: Record<Role, string> = {
  resident: 'res-zhang',
  merchant: 'mer-museum',
  enterprise: 'ent-huaxin',
  bank: 'bank-zy',
  department: 'dept-market',
  admin: 'admin',
};

/** A concrete path for a route pattern (the values need not exist: auth is checked first). */
const concrete = (path: string) =>
  path
    .replace(':passId', 'AAAAAAAAAAAA')
    .replace(':userId', 'res-zhang')
    .replace(':id', 'x-00000000-0000-0000-0000-000000000000');

describe('every endpoint against every kind of bad credential and every wrong role', () => {
  let t: TestApp;
  let routes: AnyRoute[];
  const tokens: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    t = await testApp();
    routes = allRoutes(t.deps).filter((r) => r.auth !== 'public' && r.auth !== 'optional');
    for (const role of ROLES) tokens[role] = await loginAs(t.app, DEMO_BY_ROLE[role]);
  });

  const call = (r: AnyRoute, token?: string) => {
    const req = request(t.app)[r.method](concrete(r.path));
    if (token !== undefined) req.set('authorization', `Bearer ${token}`);
    return r.method === 'get' || r.method === 'delete' ? req : req.send({});
  };

  const forged = async (opts: { secret?: string; exp?: number }) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setJti('forged-session')
      .setIssuer(t.config.jwtIssuer)
      .setAudience(t.config.jwtAudience)
      .setIssuedAt(now - 100)
      .setExpirationTime(opts.exp ?? now + 600)
      .sign(new TextEncoder().encode(opts.secret ?? t.config.jwtSecret));
  };

  it('covers the whole protected route table', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers 401 UNAUTHENTICATED without a token, with an expired one, another key’s, and alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const bad = [
      undefined,
      await forged({ exp: now - 10 }),
      await forged({ secret: 'another-key-another-key-another-key-000' }),
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', roles: ['admin'], iss: t.config.jwtIssuer, aud: t.config.jwtAudience, iat: now, exp: now + 600 })}.`,
    ];
    for (const r of routes) {
      for (const token of bad) {
        const res = await call(r, token);
        expect({ route: `${r.method} ${r.path}`, status: res.status, code: res.body.error?.code }).toEqual({ route: `${r.method} ${r.path}`, status: 401, code: 'UNAUTHENTICATED' });
      }
    }
  });

  it('answers 403 FORBIDDEN to every role the route does not allow, without any data', async () => {
    let checked = 0;
    for (const r of routes) {
      if (!Array.isArray(r.auth)) continue;
      for (const role of ROLES.filter((x) => !(r.auth as readonly Role[]).includes(x))) {
        const res = await call(r, tokens[role]);
        expect({ route: `${r.method} ${r.path}`, role, status: res.status, keys: Object.keys(res.body) }).toEqual({ route: `${r.method} ${r.path}`, role, status: 403, keys: ['error'] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
