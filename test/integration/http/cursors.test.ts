import request from 'supertest';
import type { ZodObject, ZodRawShape } from 'zod';
import { allRoutes } from '../../../functions/app';
import type { Role } from '../../../functions/shared/auth/roles';
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

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const json = (v: unknown) => b64(JSON.stringify(v));

/**
 * Cursors a client could send by mistake or on purpose. Each must be answered 400
 * VALIDATION_FAILED on every paginated route, never 500 (a start key DynamoDB refuses, a wrong
 * shape reaching a repository) and never another subject's page.
 */
const BROKEN: Array<[string, string]> = [
  ['not base64url', 'a+b/c=='],
  ['base64url of binary', b64(Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9c]))],
  ['not JSON', b64('not json at all')],
  ['truncated JSON', b64('{"sk":"2026-01-01')],
  ['JSON null', json(null)],
  ['JSON string', json('2026-01-01')],
  ['JSON number', json(42)],
  ['JSON array', json(['pk', 'sk'])],
  ['empty object', json({})],
  ['unknown keys', json({ foo: 'bar' })],
  ['wrong value types', json({ pk: 1, sk: true, gsi1pk: null, gsi1sk: [], gsi2pk: {}, gsi2sk: 2, o: 3, i: 4 })],
  ['another partition', json({ pk: 'USER#res-li', sk: 'PROFILE', gsi1pk: 'USER#res-li', gsi1sk: 'x', gsi2pk: 'VERIFIED#resident', gsi2sk: 'x' })],
  ['a partition of another subject', json({ pk: 'ACCESS#user:res-li', sk: '2026-01-01T00:00:00.000Z#x' })],
  ['huge values', json({ sk: 'x'.repeat(700), o: 'x'.repeat(300), i: 'x'.repeat(300) })],
  ['control characters', json({ sk: '\u0000\u0001', o: '\u0000', i: '\u0000' })],
  ['too long', 'A'.repeat(5000)],
];

/** Values for path parameters that the first allowed role may use. */
const concrete = (path: string) => path.replace(':id', 'org-museum');

describe('list cursors on every paginated route', () => {
  let t: TestApp;
  let routes: AnyRoute[];
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await testApp();
    routes = allRoutes(t.deps).filter((r) => r.method === 'get' && r.query && 'cursor' in ((r.query as ZodObject<ZodRawShape>).shape ?? {}));
  });

  const tokenFor = async (r: AnyRoute) => {
    const role: Role = Array.isArray(r.auth) ? (r.auth[0] as Role) : 'admin';
    if (!tokens.has(role)) tokens.set(role, await loginAs(t.app, DEMO_BY_ROLE[role]));
    return tokens.get(role) as string;
  };

  /** The admin's case queues need a department to be named. */
  const extraQuery = (r: AnyRoute, role: string) => (role === 'admin' && /objections|repairs/.test(r.path) ? { department: 'org-dept-market' } : {});

  it('finds the paginated routes in the route table', () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/access-log', '/api/redemptions', '/api/points/me/events', '/api/objections', '/api/loan-applications', '/api/orgs']));
  });

  it('answers every route’s first page, and its own next cursor, with 200', async () => {
    for (const r of routes) {
      const token = await tokenFor(r);
      const role = Array.isArray(r.auth) ? r.auth[0] : 'admin';
      const first = await request(t.app).get(concrete(r.path)).query({ limit: 1, ...extraQuery(r, role) }).set('authorization', `Bearer ${token}`);
      expect({ route: r.path, status: first.status }).toEqual({ route: r.path, status: 200 });
      if (first.body.nextCursor) {
        const next = await request(t.app).get(concrete(r.path)).query({ limit: 1, cursor: first.body.nextCursor, ...extraQuery(r, role) }).set('authorization', `Bearer ${token}`);
        expect({ route: r.path, status: next.status }).toEqual({ route: r.path, status: 200 });
      }
    }
  });

  it('answers 400 VALIDATION_FAILED on the cursor field for every broken cursor, never 500', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes) {
      const token = await tokenFor(r);
      const role = Array.isArray(r.auth) ? r.auth[0] : 'admin';
      for (const [name, cursor] of BROKEN) {
        const res = await request(t.app).get(concrete(r.path)).query({ cursor, ...extraQuery(r, role) }).set('authorization', `Bearer ${token}`);
        const fields = Array.isArray(res.body.error?.details) ? res.body.error.details.map((d: { field?: string }) => d.field) : [];
        checked++;
        if (res.status !== 400 || res.body.error?.code !== 'VALIDATION_FAILED' || !fields.includes('cursor')) {
          wrong.push(`${r.path} with ${name}: ${res.status} ${res.body.error?.code ?? JSON.stringify(res.body).slice(0, 80)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(routes.length * BROKEN.length);
  });

  it('refuses a real cursor replayed on another listing (another filter, another route, another organisation)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const get = (path: string, query: Record<string, string | number>) => request(t.app).get(path).query(query).set('authorization', `Bearer ${admin}`);
    const merchants = await get('/api/orgs', { type: 'merchant', limit: 1 });
    expect(merchants.body.nextCursor).toEqual(expect.any(String));
    const cursor = merchants.body.nextCursor as string;
    expect((await get('/api/orgs', { type: 'merchant', limit: 1, cursor })).status).toBe(200);
    for (const [path, query] of [
      ['/api/orgs', { type: 'bank' }],
      ['/api/orgs', {}],
      ['/api/orgs', { type: 'merchant', status: 'suspended' }],
      ['/api/orgs/org-museum/staff', {}],
      ['/api/objections', { department: 'org-dept-market' }],
    ] as Array<[string, Record<string, string>]>) {
      const res = await get(path, { ...query, cursor });
      expect({ path, query, status: res.status, code: res.body.error?.code }).toEqual({ path, query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
