import request from 'supertest';
import { FEATURES } from '../../../functions/app';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * Features are loaded on the first request under one of their path prefixes (functions/app.ts):
 * a route outside its feature's prefixes would answer 404 on a fresh instance. This walks every
 * feature's routes against its declared prefixes, so a new route or feature cannot slip past.
 */
describe('lazily loaded features', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ LOG_LEVEL: 'SILENT' });
  });

  it('every route lies under one of its feature’s prefixes', () => {
    const outside: string[] = [];
    for (const f of FEATURES) {
      for (const r of f.routes(t.deps)) {
        if (!f.prefixes.some((p) => r.path === p || r.path.startsWith(`${p}/`))) outside.push(`${f.name}: ${r.method.toUpperCase()} ${r.path} (prefixes ${f.prefixes.join(', ')})`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('a prefix is /api/<one segment>', () => {
    for (const f of FEATURES) for (const p of f.prefixes) expect(p).toMatch(/^\/api\/[^/]+$/);
  });

  it('a fresh instance answers a feature’s route on its first request, and unknown paths 404', async () => {
    const fresh = await testApp({ LOG_LEVEL: 'SILENT' });
    expect((await request(fresh.app).get('/api/incentives')).status).toBe(200);
    expect((await request(fresh.app).get('/api/points/me')).status).toBe(401);
    const missing = await request(fresh.app).get('/api/no-such-feature');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});
