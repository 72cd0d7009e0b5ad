import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { daysAgo, randomUscc, staffMember, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('信易+ incentives', () => {
  let t: TestApp;
  let museum: string;
  beforeAll(async () => {
    t = await testApp();
    museum = await loginAs(t.app, 'mer-museum');
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const issue = (token: string, id = 'museum-free-entry') => request(t.app).post(`/api/incentives/${id}/passes`).set(auth(token));
  const redeem = (pass: string, token = museum) => request(t.app).post('/api/redemptions').set(auth(token)).send({ pass });

  describe('catalogue', () => {
    it('lists at least 8 scenarios over six categories to anyone, without personal fields', async () => {
      const res = await request(t.app).get('/api/incentives');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(8);
      expect(new Set(res.body.items.map((i: { category: string }) => i.category)).size).toBe(6);
      expect(res.body.items[0].eligible).toBeUndefined();
      const museumItem = res.body.items.find((i: { id: string }) => i.id === 'museum-free-entry');
      expect(museumItem).toMatchObject({ minPoints: 100, quota: { count: 1, period: 'day' }, merchants: [{ id: 'org-museum', name: '管城回族区博物馆' }] });
    });

    it.each([
      ['res-zhang', 'museum-free-entry', true, []],
      ['res-li', 'museum-free-entry', false, ['还差 8 分']],
      ['res-wang', 'museum-free-entry', false, ['还差 30 分', expect.stringMatching(/^存在未修复的严重失信记录（限制享受信易\+ 守信激励，至 \d{4}-\d{2}-\d{2}）$/)]],
      ['res-wang', 'powerbank-free', false, ['还差 20 分']],
      ['res-zhang', 'tcm-pay-later', true, []],
    ])('tells %s about %s: eligible %s %j', async (userId, id, eligible, reasons) => {
      const res = await request(t.app).get('/api/incentives').set(auth(await loginAs(t.app, userId)));
      const item = res.body.items.find((i: { id: string }) => i.id === id);
      expect(item.eligible).toBe(eligible);
      expect(item.reasons).toEqual(reasons);
    });
  });

  describe('passes and redemption', () => {
    it('issues a 32-character pass and lets the museum redeem it once, with a masked name', async () => {
      const zhang = await loginAs(t.app, 'res-zhang');
      const r = await verifiedResident(t);
      const pass = await issue(r.token);
      expect(pass.status).toBe(201);
      expect(pass.body.pass).toMatch(/^[0-9A-Za-z_-]{32}$/);
      expect(Date.parse(pass.body.expiresAt) - Date.now()).toBeLessThanOrEqual(61_000);
      const status1 = await request(t.app).get(`/api/passes/${pass.body.passId}`).set(auth(r.token));
      expect(status1.body.status).toBe('active');

      const res = await redeem(pass.body.pass);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ incentiveId: 'museum-free-entry', benefit: expect.any(String), resident: { maskedName: '刘*' }, remainingQuota: 0 });
      expect(JSON.stringify(res.body)).not.toMatch(/\d{17}[\dX]/);

      const status2 = await request(t.app).get(`/api/passes/${pass.body.passId}`).set(auth(r.token));
      expect(status2.body).toMatchObject({ status: 'used', merchantName: '管城回族区博物馆' });
      // Someone else's pass is not found.
      expect((await request(t.app).get(`/api/passes/${pass.body.passId}`).set(auth(zhang))).status).toBe(404);

      const again = await redeem(pass.body.pass);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('PASS_USED');

      const log = await request(t.app).get('/api/access-log').set(auth(r.token));
      expect(log.body.items[0]).toMatchObject({ actor: { orgName: '管城回族区博物馆', role: 'merchant' }, purpose: '信易+ 核销' });
    });

    it('refuses a pass to a resident who is not eligible, with the reasons', async () => {
      const res = await issue(await loginAs(t.app, 'res-li'));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('NOT_ELIGIBLE');
      expect(res.body.error.details.reasons).toEqual(['还差 8 分']);
    });

    it('answers an unknown scenario with 404 and a malformed id with 400', async () => {
      const zhang = await loginAs(t.app, 'res-zhang');
      expect((await issue(zhang, 'no-such-thing')).status).toBe(404);
      expect((await issue(zhang, 'BAD!ID')).status).toBe(400);
    });

    it('refuses forged, altered and truncated passes with 400 PASS_INVALID', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token)).body;
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      for (const bad of [flip(pass, 0), flip(pass, 15), flip(pass, 31), pass.slice(0, 31), `${pass}A`, 'x'.repeat(32), '', '../../etc/passwd']) {
        const res = await redeem(bad);
        expect({ bad, status: res.status, code: res.body.error?.code }).toEqual({ bad, status: 400, code: 'PASS_INVALID' });
      }
      expect((await redeem(pass)).status).toBe(201);
    });

    it('refuses an expired pass with 410 PASS_EXPIRED', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token)).body;
      const laterMs = Date.now() + 120_000;
      const later = await testApp({}, { clock: fixedClock(new Date(laterMs).toISOString()) });
      const { token } = await later.deps.tokens.issue({ userId: 'mer-museum', roles: ['merchant'], orgId: 'org-museum' }, Math.floor(laterMs / 1000));
      const res = await request(later.app).post('/api/redemptions').set(auth(token)).send({ pass });
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('PASS_EXPIRED');
    });

    it('refuses a merchant outside the scenario with 403 MERCHANT_NOT_IN_SCENARIO', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token)).body;
      const res = await redeem(pass, await loginAs(t.app, 'mer-library'));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('MERCHANT_NOT_IN_SCENARIO');
    });

    it('re-checks eligibility at redemption: a penalty after the pass was shown makes it 403 NOT_ELIGIBLE', async () => {
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      const dept = await loginAs(t.app, 'dept-market');
      await request(t.app).post('/api/credit-records').set(auth(dept)).send({
        records: [{ sourceId: `NE-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: daysAgo(0) }],
      });
      const res = await redeem(pass);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', message: '不符合使用条件' });
      expect(res.body.error.details).toBeUndefined();
      // The reasons are the resident's, on their own phone.
      const status = await request(t.app).get(`/api/passes/${passId}`).set(auth(r.token));
      expect(status.body).toMatchObject({ status: 'refused', refusal: { code: 'NOT_ELIGIBLE', reasons: ['还差 2 分'], merchantName: '管城回族区博物馆' } });
    });

    it('lets only merchants redeem and only residents take passes', async () => {
      const zhang = await loginAs(t.app, 'res-zhang');
      const { pass } = (await issue(zhang, 'powerbank-free')).body;
      for (const userId of ['res-zhang', 'bank-zy', 'ent-huaxin', 'dept-market', 'admin']) {
        const res = await redeem(pass, await loginAs(t.app, userId));
        expect({ userId, status: res.status }).toEqual({ userId, status: 403 });
      }
      expect((await request(t.app).post('/api/redemptions').send({ pass })).status).toBe(401);
      expect((await issue(museum)).status).toBe(403);
    });
  });

  describe('refused scans: the merchant gets a verdict, the resident the reasons and a log entry', () => {
    type Entry = { at: string; actor: { orgName: string; role: string }; purpose: string; what: string };
    const logOf = async (token: string) => (await request(t.app).get('/api/access-log?limit=100').set(auth(token))).body.items as Entry[];
    const statusOf = async (token: string, passId: string) => (await request(t.app).get(`/api/passes/${passId}`).set(auth(token))).body;
    const MUSEUM = '管城回族区博物馆';
    const SCENARIO = '博物馆免费参观';
    /** A merchant learns nothing about the resident from a refusal: no numbers, no reasons. */
    const expectBareRefusal = (res: request.Response, status: number, code: string, message: string) => {
      expect({ status: res.status, code: res.body.error?.code, message: res.body.error?.message, details: res.body.error?.details }).toEqual({ status, code, message, details: undefined });
      expect(res.body.error.message).not.toMatch(/\d|分|记录|措施|次数/);
    };
    const penalise = async (idNumber: string) => {
      const res = await request(t.app).post('/api/credit-records').set(auth(await loginAs(t.app, 'dept-market'))).send({
        records: [{ sourceId: `RF-${randomUUID()}`, subjectType: 'person', subjectId: idNumber, ruleId: 'P-LAW-02', occurredAt: daysAgo(0) }],
      });
      expect(res.body.accepted).toBe(1);
    };

    it('a refused scan leaves an access-log entry for the resident and tells the merchant no numbers or reasons', async () => {
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      await penalise(r.idNumber);
      const res = await redeem(pass);
      expectBareRefusal(res, 403, 'NOT_ELIGIBLE', '不符合使用条件');
      expect(JSON.stringify(res.body)).not.toContain('还差');
      const log = await logOf(r.token);
      expect(log).toEqual([{ id: expect.any(String), at: expect.any(String), actor: { orgName: MUSEUM, role: 'merchant', roleLabel: '商户' }, purpose: '信易+ 核销', what: `核验「${SCENARIO}」使用资格：未通过（不符合使用条件）` }]);
      // The reasons are on the resident's own pass, and nobody else's to read.
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'refused', merchantName: MUSEUM, refusal: { code: 'NOT_ELIGIBLE', reasons: ['还差 2 分'], merchantName: MUSEUM } });
      const merchantLook = await request(t.app).get(`/api/passes/${passId}`).set(auth(museum));
      expect([403, 404]).toContain(merchantLook.status);
      expect(JSON.stringify(merchantLook.body)).not.toContain('还差');
      expect((await request(t.app).get(`/api/passes/${passId}`).set(auth((await verifiedResident(t)).token))).status).toBe(404);
      // The resident's incentive list says the same.
      const mine = await request(t.app).get('/api/incentives').set(auth(r.token));
      expect(mine.body.items.find((i: { id: string }) => i.id === 'museum-free-entry').reasons).toEqual(['还差 2 分']);
    });

    it('tells the merchant only 「已达使用上限」 and the resident which limit', async () => {
      const r = await verifiedResident(t);
      const first = (await issue(r.token)).body;
      const second = (await issue(r.token)).body;
      expect((await redeem(first.pass)).status).toBe(201);
      expectBareRefusal(await redeem(second.pass), 403, 'QUOTA_EXHAUSTED', '已达使用上限');
      expect(await statusOf(r.token, second.passId)).toMatchObject({ status: 'refused', refusal: { code: 'QUOTA_EXHAUSTED', reasons: ['今日次数已用完'] } });
      expect(await statusOf(r.token, first.passId)).toMatchObject({ status: 'used', merchantName: MUSEUM });
      expect((await logOf(r.token)).map((e) => e.what).sort()).toEqual([`核验「${SCENARIO}」使用资格（是否符合条件、姓名脱敏）`, `核验「${SCENARIO}」使用资格：未通过（已达使用上限）`].sort());
    });

    it('logs a scan by a merchant outside the scenario under that merchant, and the pass still works where it belongs', async () => {
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      expectBareRefusal(await redeem(pass, await loginAs(t.app, 'mer-library')), 403, 'MERCHANT_NOT_IN_SCENARIO', '本商户未参与该信易+场景，不能核销此凭证');
      expect(await logOf(r.token)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ orgName: '管城回族区图书馆', role: 'merchant' }), what: `核验「${SCENARIO}」使用资格：未通过（商户未参与该场景）` })]);
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'refused', refusal: { code: 'MERCHANT_NOT_IN_SCENARIO', merchantName: '管城回族区图书馆' } });
      expect((await redeem(pass)).status).toBe(201);
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'used', merchantName: MUSEUM });
      expect(await logOf(r.token)).toHaveLength(2);
    });

    it('logs a second scan of a used pass, which stays 「已核验」 for its owner', async () => {
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      expect((await redeem(pass)).status).toBe(201);
      expectBareRefusal(await redeem(pass), 409, 'PASS_USED', '该凭证已核销，不能重复使用');
      expect((await logOf(r.token))[0].what).toBe(`核验「${SCENARIO}」使用资格：未通过（凭证已使用）`);
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'used', merchantName: MUSEUM });
      expect((await statusOf(r.token, passId)).refusal).toBeUndefined();
    });

    it('logs a suspended merchant’s scan under its own name', async () => {
      const admin = await loginAs(t.app, 'admin');
      const { id } = (await request(t.app).post('/api/orgs').set(auth(admin)).send({ type: 'merchant', name: '暂停核销测试店', uscc: randomUscc() })).body;
      const clerk = await staffMember(t, id, 'merchant');
      expect((await request(t.app).post(`/api/orgs/${id}/suspension`).set(auth(admin)).send({ reason: '经营异常，暂停核销' })).status).toBe(200);
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      expectBareRefusal(await redeem(pass, clerk.token), 403, 'ORG_SUSPENDED', '本商户已被信用中心暂停，暂不能核销');
      expect(await logOf(r.token)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ orgName: '暂停核销测试店', role: 'merchant' }), what: `核验「${SCENARIO}」使用资格：未通过（商户已被暂停核销）` })]);
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'refused', refusal: { code: 'ORG_SUSPENDED' } });
    });

    it('writes nothing for a merchant whose session was signed out: 401, no log entry, the pass untouched', async () => {
      const clerk = await staffMember(t, 'org-museum', 'merchant');
      expect((await request(t.app).post('/api/auth/sign-out').set(auth(clerk.token))).status).toBe(204);
      const r = await verifiedResident(t);
      const { pass, passId } = (await issue(r.token)).body;
      expect((await redeem(pass, clerk.token)).status).toBe(401);
      expect(await logOf(r.token)).toEqual([]);
      expect(await statusOf(r.token, passId)).toMatchObject({ status: 'active' });
    });
  });

  describe('under concurrency', () => {
    it('accepts exactly one of 50 simultaneous redemptions of one pass; the rest are 409 PASS_USED', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token)).body;
      const results = await Promise.all(Array.from({ length: 50 }, () => redeem(pass)));
      const statuses = results.map((x) => x.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect(results.filter((x) => x.status === 409).every((x) => x.body.error.code === 'PASS_USED')).toBe(true);
    });

    it('holds a quota of one a day against 20 different passes redeemed at once', async () => {
      const r = await verifiedResident(t);
      const passes = await Promise.all(Array.from({ length: 20 }, async () => (await issue(r.token)).body.pass as string));
      expect(new Set(passes).size).toBe(20);
      const results = await Promise.all(passes.map((p) => redeem(p)));
      expect(results.filter((x) => x.status === 201)).toHaveLength(1);
      const refused = results.filter((x) => x.status !== 201);
      expect(refused.every((x) => x.status === 403 && x.body.error.code === 'QUOTA_EXHAUSTED')).toBe(true);
      const after = await issue(r.token);
      expect(after.status).toBe(403);
      expect(after.body.error.details.reasons).toContain('今日次数已用完');
    });

    it('gives a stock of 5 to exactly 5 of 25 residents redeeming at once', async () => {
      const admin = await loginAs(t.app, 'admin');
      const id = `stock-${randomUUID().slice(0, 8)}`;
      const created = await request(t.app).post('/api/incentives').set(auth(admin)).send({
        id,
        category: 'shop',
        title: '限量测试券',
        benefit: '测试权益',
        minPoints: 0,
        quota: { count: 1, period: 'day' },
        totalStock: 5,
        validFrom: daysAgo(1),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        merchantIds: ['org-museum'],
      });
      expect(created.status).toBe(201);
      const residents = await Promise.all(Array.from({ length: 25 }, () => verifiedResident(t)));
      const passes = await Promise.all(residents.map(async (r) => (await issue(r.token, id)).body.pass as string));
      const results = await Promise.all(passes.map((p) => redeem(p)));
      expect(results.filter((x) => x.status === 201)).toHaveLength(5);
      expect(results.filter((x) => x.status === 403 && x.body.error.code === 'QUOTA_EXHAUSTED')).toHaveLength(20);
      const list = await request(t.app).get('/api/incentives');
      expect(list.body.items.find((i: { id: string }) => i.id === id).totalStock).toBe(5);
    }, 60_000);
  });

  describe('history', () => {
    it('shows a merchant its own redemptions with today’s count and a date filter', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token, 'ruins-park-culture')).body;
      expect((await redeem(pass)).status).toBe(201);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const res = await request(t.app).get(`/api/redemptions?from=${today}&to=${today}`).set(auth(museum));
      expect(res.status).toBe(200);
      expect(res.body.todayCount).toBeGreaterThanOrEqual(1);
      expect(res.body.items.every((i: { merchant: { id: string } }) => i.merchant.id === 'org-museum')).toBe(true);
      const old = await request(t.app).get('/api/redemptions?from=2020-01-01&to=2020-01-31').set(auth(museum));
      expect(old.body.items).toEqual([]);
      const library = await request(t.app).get('/api/redemptions').set(auth(await loginAs(t.app, 'mer-library')));
      expect(library.body.items.some((i: { merchant: { id: string } }) => i.merchant.id === 'org-museum')).toBe(false);
      expect((await request(t.app).get('/api/redemptions?from=2026-02-01&to=2026-01-01').set(auth(museum))).status).toBe(400);
    });

    it('shows a resident only their own redemptions, and no other role any', async () => {
      const r = await verifiedResident(t);
      const { pass } = (await issue(r.token)).body;
      await redeem(pass);
      const mine = await request(t.app).get('/api/redemptions').set(auth(r.token));
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0]).toMatchObject({ incentiveId: 'museum-free-entry', merchant: { name: '管城回族区博物馆' } });
      const other = await verifiedResident(t);
      expect((await request(t.app).get('/api/redemptions').set(auth(other.token))).body.items).toEqual([]);
      for (const userId of ['bank-zy', 'ent-huaxin', 'dept-market', 'admin']) {
        expect((await request(t.app).get('/api/redemptions').set(auth(await loginAs(t.app, userId)))).status).toBe(403);
      }
    });
  });

  describe('administration', () => {
    it('lets only the admin create and edit scenarios, guarding concurrent edits', async () => {
      const admin = await loginAs(t.app, 'admin');
      const id = `adm-${randomUUID().slice(0, 8)}`;
      const body = { id, category: 'read', title: '测试场景', benefit: '测试', minPoints: 100, quota: { count: 1, period: 'month' }, validFrom: daysAgo(1), validUntil: daysAgo(-30), merchantIds: ['org-library'] };
      expect((await request(t.app).post('/api/incentives').set(auth(await loginAs(t.app, 'mer-library'))).send(body)).status).toBe(403);
      const created = await request(t.app).post('/api/incentives').set(auth(admin)).send(body);
      expect(created.status).toBe(201);
      expect((await request(t.app).post('/api/incentives').set(auth(admin)).send(body)).body.error.code).toBe('INCENTIVE_EXISTS');
      const { id: _id, ...rest } = body;
      const edited = await request(t.app).put(`/api/incentives/${id}`).set(auth(admin)).send({ ...rest, merchantIds: ['org-library', 'org-museum'], expectedUpdatedAt: created.body.updatedAt });
      expect(edited.status).toBe(200);
      expect(edited.body.merchants.map((m: { id: string }) => m.id)).toEqual(['org-library', 'org-museum']);
      const stale = await request(t.app).put(`/api/incentives/${id}`).set(auth(admin)).send({ ...rest, expectedUpdatedAt: created.body.updatedAt });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('EDIT_CONFLICT');
      const badMerchant = await request(t.app).post('/api/incentives').set(auth(admin)).send({ ...body, id: `${id}-x`, merchantIds: ['org-bank-zy'] });
      expect(badMerchant.status).toBe(400);
      const orgs = await request(t.app).get('/api/orgs?type=merchant').set(auth(admin));
      expect(orgs.body.items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining(['org-museum', 'org-library', 'org-bus']));
    });
  });
});
