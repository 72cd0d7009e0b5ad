import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { refreshStats } from '../../../functions/stats/refresh-stats';
import { registeredEnterprise } from '../../support/enterprises';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, runStreamFunction, testApp, type TestApp } from '../../support/test-app';

describe('access log completeness and the credit-centre dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const logOf = async (token: string) => (await request(t.app).get('/api/access-log?limit=100').set(auth(token))).body.items as Array<{ purpose: string; what: string; actor: { role: string } }>;

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

  it('pages through a resident’s log with their redemptions merged in by time, each entry once, at any page size', async () => {
    const r = await verifiedResident(t);
    const museum = await loginAs(t.app, 'mer-museum');
    const admin = await loginAs(t.app, 'admin');
    const lookUp = (why: string) => request(t.app).get(`/api/admin/residents/${r.userId}/credit?purpose=${encodeURIComponent(why)}`).set(auth(admin));
    expect((await lookUp('第一次查询')).status).toBe(200);
    const { pass } = (await request(t.app).post('/api/incentives/museum-free-entry/passes').set(auth(r.token))).body;
    expect((await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass })).status).toBe(201);
    expect((await request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass })).status).toBe(409);
    expect((await lookUp('第二次查询')).status).toBe(200);
    const all = (await request(t.app).get('/api/access-log?limit=100').set(auth(r.token))).body;
    expect(all.nextCursor).toBeNull();
    const whats: string[] = all.items.map((e: { purpose: string; what: string }) => `${e.purpose}｜${e.what}`);
    expect(whats).toHaveLength(4);
    expect(whats[0]).toContain('第二次查询');
    expect(whats[1]).toBe('信易+ 核销｜核验「博物馆免费参观」使用资格：未通过（凭证已使用）');
    expect(whats[2]).toBe('信易+ 核销｜核验「博物馆免费参观」使用资格（是否符合条件、姓名脱敏）');
    expect(whats[3]).toContain('第一次查询');
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await request(t.app).get(`/api/access-log?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).set(auth(r.token));
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.items.map((e: { id: string }) => e.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((e: { id: string }) => e.id));
    }
    // A cursor of another resident's log does not decode here.
    const other = await verifiedResident(t);
    const firstPage = (await request(t.app).get('/api/access-log?limit=1').set(auth(r.token))).body;
    expect((await request(t.app).get(`/api/access-log?limit=1&cursor=${firstPage.nextCursor}`).set(auth(other.token))).status).toBe(400);
  });

  it('after consent is withdrawn, the centre sees only that and since when, and no read computes anything for the person', async () => {
    const r = await verifiedResident(t);
    const dept = await loginAs(t.app, 'dept-market');
    // A light penalty 80 days old stops counting about 10 days from now: its projection goes stale.
    await request(t.app).post('/api/credit-records').set(auth(dept)).send({
      records: [{ sourceId: `CW-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: daysAgo(80) }],
    });
    const subjectKey = (await t.deps.identities.getUser(r.userId))?.subjectKey as string;
    const stored = await t.deps.credit.getProjection(subjectKey);
    expect(stored?.nextChangeAt).toEqual(expect.any(String));
    const withdrawal = await request(t.app).post('/api/consents/sensitive-pi/withdrawal').set(auth(r.token));
    expect(withdrawal.status).toBe(200);
    const withdrawnAt = (await t.deps.identities.getUser(r.userId))?.consentWithdrawnAt;

    // 30 days on, a reader that computed would rebuild the stale projection.
    const laterMs = Date.now() + 30 * 86_400_000;
    expect(Date.parse(stored?.nextChangeAt as string)).toBeLessThan(laterMs);
    const later = await testApp({}, { clock: fixedClock(new Date(laterMs).toISOString()) });
    const token = async (claims: { userId: string; roles: Array<'resident' | 'admin'>; orgId?: string }) => (await later.deps.tokens.issue(claims, Math.floor(laterMs / 1000))).token;
    const admin = await token({ userId: 'admin', roles: ['admin'], orgId: 'org-centre' });
    const lookUp = await request(later.app).get(`/api/admin/residents/${r.userId}/credit?purpose=${encodeURIComponent('核查投诉线索')}`).set(auth(admin));
    expect(lookUp.status).toBe(200);
    expect(lookUp.body).toEqual({ name: '刘*', consentWithdrawn: true, consentWithdrawnAt: withdrawnAt });

    const resident = await token({ userId: r.userId, roles: ['resident'] });
    for (const path of ['/api/points/me', '/api/points/me/events', '/api/reports/me']) {
      const res = await request(later.app).get(path).set(auth(resident));
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 403, code: 'CONSENT_WITHDRAWN' });
    }
    const incentives = await request(later.app).get('/api/incentives').set(auth(resident));
    expect(incentives.body.items[0].reasons).toContain('已撤回个人信息处理授权，重新授权后可用');
    // Nothing was recomputed or written for them.
    expect(await t.deps.credit.getProjection(subjectKey)).toEqual(stored);

    const entries = await logOf(r.token);
    expect(entries[0]).toMatchObject({ actor: { role: 'admin' }, purpose: '信用中心查询：核查投诉线索', what: '查询信用：本人已撤回授权，未显示积分和信用记录' });
  }, 30_000);

  it('shows the dashboard: residents by tier, redemptions per day, applications by status', async () => {
    const admin = await loginAs(t.app, 'admin');
    const r = await verifiedResident(t);
    const { pass } = (await request(t.app).post('/api/incentives/bike-deposit-free/passes').set(auth(r.token))).body;
    await runStreamFunction(t);
    const before = (await request(t.app).get('/api/admin/dashboard').set(auth(admin))).body;
    await request(t.app).post('/api/redemptions').set(auth(await loginAs(t.app, 'mer-museum'))).send({ pass }); // not the bike merchant: refused, not counted
    await runStreamFunction(t);
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
    // The count follows from the table's stream (a second function), not from the redemption's transaction.
    expect((await request(t.app).get('/api/admin/dashboard').set(auth(admin))).body.redemptionsPerDay.at(-1).count).toBe(before.redemptionsPerDay.at(-1).count);
    await runStreamFunction(t);
    const after = await request(t.app).get('/api/admin/dashboard').set(auth(admin));
    expect(after.body.redemptionsPerDay.at(-1).count).toBe(before.redemptionsPerDay.at(-1).count + 1);
    for (const userId of ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'ent-huaxin']) {
      expect((await request(t.app).get('/api/admin/dashboard').set(auth(await loginAs(t.app, userId)))).status).toBe(403);
    }
  });
});
