import request from 'supertest';
import { refreshStats } from '../../../functions/stats/refresh-stats';
import { registeredEnterprise } from '../../support/enterprises';
import { verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('access log completeness and the credit-centre dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const logOf = async (token: string) => (await request(t.app).get('/api/access-log?limit=100').set(auth(token))).body.items as Array<{ purpose: string; actor: { role: string } }>;

  it('writes exactly one entry for each read of someone else’s credit data, and none otherwise', async () => {
    const r = await verifiedResident(t);
    const museum = await loginAs(t.app, 'mer-museum');
    const admin = await loginAs(t.app, 'admin');
    expect(await logOf(r.token)).toHaveLength(0);

    // The resident's own reads are not logged.
    await request(t.app).get('/api/points/me').set(auth(r.token));
    await request(t.app).get('/api/points/me/events').set(auth(r.token));
    await request(t.app).get('/api/reports/me').set(auth(r.token));
    expect(await logOf(r.token)).toHaveLength(0);

    // 1. A merchant's scan.
    const { pass } = (await request(t.app).post('/api/incentives/museum-free-entry/passes').set(auth(r.token))).body;
    await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass });
    expect((await logOf(r.token)).map((e) => e.actor.role)).toEqual(['merchant']);
    // A refused scan reached the pass record: it is logged too (the merchant learnt only 「已核销」).
    expect((await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass })).body.error.code).toBe('PASS_USED');
    expect((await logOf(r.token)).map((e) => e.actor.role)).toEqual(['merchant', 'merchant']);

    // 2. A credit-centre look-up needs a purpose and is logged with it.
    expect((await request(t.app).get(`/api/admin/residents/${r.userId}/credit`).set(auth(admin))).status).toBe(400);
    const lookUp = await request(t.app).get(`/api/admin/residents/${r.userId}/credit?purpose=${encodeURIComponent('核查投诉线索')}`).set(auth(admin));
    expect(lookUp.status).toBe(200);
    expect(JSON.stringify(lookUp.body)).not.toMatch(/\d{17}[\dX]/);
    const entries = await logOf(r.token);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ actor: { role: 'admin' }, purpose: '信用中心查询：核查投诉线索' });

    // 3. A bank's review of a business.
    const e = await registeredEnterprise(t);
    const bank = await loginAs(t.app, 'bank-zy');
    const { id } = (await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', `k-${Date.now()}`).send({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金' })).body;
    await request(t.app).get(`/api/loan-applications/${id}`).set(auth(bank));
    expect(await logOf(e.token)).toHaveLength(0);
    await request(t.app).get(`/api/loan-applications/${id}/credit-report`).set(auth(bank));
    expect((await logOf(e.token)).map((x) => x.actor.role)).toEqual(['bank']);
  });

  it('shows the dashboard: residents by tier, redemptions per day, applications by status', async () => {
    const admin = await loginAs(t.app, 'admin');
    const r = await verifiedResident(t);
    const { pass } = (await request(t.app).post('/api/incentives/bike-deposit-free/passes').set(auth(r.token))).body;
    const before = (await request(t.app).get('/api/admin/dashboard').set(auth(admin))).body;
    await request(t.app).post('/api/redemptions').set(auth(await loginAs(t.app, 'mer-museum'))).send({ pass }); // not the bike merchant: refused, not counted
    const snapshot = await refreshStats(t.deps);
    expect(snapshot.residents.verified).toBeGreaterThanOrEqual(3);
    const byTier = Object.fromEntries(snapshot.residents.byTier.map((x) => [x.label, x.count]));
    expect(byTier['优秀']).toBeGreaterThanOrEqual(1);
    expect(byTier['轻微失信']).toBeGreaterThanOrEqual(1);
    expect(byTier['信用较差']).toBeGreaterThanOrEqual(1);
    const res = await request(t.app).get('/api/admin/dashboard').set(auth(admin));
    expect(res.status).toBe(200);
    expect(res.body.snapshot.computedAt).toBe(snapshot.computedAt);
    expect(res.body.redemptionsPerDay).toHaveLength(14);
    expect(res.body.redemptionsPerDay.at(-1).count).toBe(before.redemptionsPerDay.at(-1).count);
    const museumPass = (await request(t.app).post('/api/incentives/museum-free-entry/passes').set(auth(r.token))).body.pass;
    await request(t.app).post('/api/redemptions').set(auth(await loginAs(t.app, 'mer-museum'))).send({ pass: museumPass });
    const after = await request(t.app).get('/api/admin/dashboard').set(auth(admin));
    expect(after.body.redemptionsPerDay.at(-1).count).toBe(before.redemptionsPerDay.at(-1).count + 1);
    for (const userId of ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'ent-huaxin']) {
      expect((await request(t.app).get('/api/admin/dashboard').set(auth(await loginAs(t.app, userId)))).status).toBe(403);
    }
  });
});
