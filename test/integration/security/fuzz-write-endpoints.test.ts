import fc from 'fast-check';
import request from 'supertest';
import { allRoutes } from '../../../functions/app';
import type { Role } from '../../../functions/shared/auth/roles';
import type { AnyRoute } from '../../../functions/shared/http/route';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const DEMO_BY_ROLE: Record<Role, string> = { resident: 'res-zhang', merchant: 'mer-museum', enterprise: 'ent-huaxin', bank: 'bank-zy', department: 'dept-market', admin: 'admin' };

/** Strings that tend to break parsers and validators: full-width digits, zero-width and control characters, emoji, long runs. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('４１０１０４１９８８０５１２３０１０', '张\u200b伟', '😀😀', '\u0000', '../../etc/passwd', '<script>alert(1)</script>', 'Robert"); DROP TABLE', '9'.repeat(5000), '-1', '1e309', 'NaN'),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 3 })),
})).v;

/** Bodies shaped like the real ones (known keys, wrong values) as well as arbitrary JSON. */
function bodies(r: AnyRoute): fc.Arbitrary<unknown> {
  const shape = (r.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  const known = shape ? Object.keys(shape) : [];
  const shaped = known.length > 0 ? fc.record(Object.fromEntries(known.map((k) => [k, value])), { requiredKeys: [] }) : fc.object();
  return fc.oneof(shaped, fc.jsonValue(), fc.constant({}));
}

const concrete = (path: string) => path.replace(':passId', 'AAAAAAAAAAAA').replace(':userId', 'res-zhang').replace(':id', 'museum-free-entry');

describe('property: no write endpoint answers 5xx or breaks the error contract, whatever the body', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  it('holds for every POST and PUT route with a body (fixed seed)', async () => {
    const writes = allRoutes(t.deps).filter((r) => r.body && (r.method === 'post' || r.method === 'put'));
    expect(writes.length).toBeGreaterThan(20);
    for (const r of writes) {
      const role = Array.isArray(r.auth) ? (r.auth[0] as Role) : undefined;
      const token = role ? await loginAs(t.app, DEMO_BY_ROLE[role]) : undefined;
      await fc.assert(
        fc.asyncProperty(bodies(r), async (body) => {
          let req = request(t.app)[r.method as 'post' | 'put'](concrete(r.path)).set('idempotency-key', 'fuzz-key-0001').set('content-type', 'application/json');
          if (token) req = req.set('authorization', `Bearer ${token}`);
          const res = await req.send(JSON.stringify(body));
          if (res.status >= 500) throw new Error(`${r.method} ${r.path} answered ${res.status} for ${JSON.stringify(body).slice(0, 200)}`);
          if (res.status >= 400) {
            expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
            expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
          }
        }),
        // A small fixed-seed run in npm test; FUZZ_RUNS=2000 FUZZ_SEED=… gives the nightly-sized, varied run.
        { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 20261127) },
      );
    }
  }, 180_000);
});
