import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CreditRepository } from '../../../functions/credit/credit.repository';
import { enterpriseSubjectKey } from '../../../functions/credit/credit.types';
import { publicDisclosuresOf } from '../../../functions/disclosures/public-disclosures';
import { HUAXIN_USCC } from '../../../functions/seed/demo-data';
import { seedDemoDisclosures } from '../../../functions/seed/demo-disclosures';
import { REVOKED_USCC } from '../../../functions/seed/demo-registry';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { registeredEnterprise } from '../../support/enterprises';
import { randomUscc, staffMember } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const china = (local: string) => new Date(`${local}+08:00`).toISOString();

const penalty = (over: Record<string, unknown> = {}) => ({
  kind: 'penalty',
  sourceId: `CF-${randomUUID()}`,
  uscc: randomUscc(),
  partyName: '郑州测试商贸有限公司',
  decisionNo: `管市监罚〔2026〕${Math.floor(Math.random() * 1000)}号`,
  decidedOn: '2026-11-30',
  category: '罚款',
  content: '销售过期食品，罚款人民币五千元',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  severity: 'general',
  fineYuan: 5000,
  ...over,
});

const license = (over: Record<string, unknown> = {}) => ({
  kind: 'license',
  sourceId: `XK-${randomUUID()}`,
  uscc: randomUscc(),
  partyName: '郑州测试餐饮有限公司',
  decisionNo: `JY2410104${Math.floor(Math.random() * 1e6)}`,
  decidedOn: '2026-11-30',
  category: '普通',
  content: '食品经营许可',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  validFrom: '2026-11-30',
  validTo: '2031-11-29',
  ...over,
});

/** An app whose clock stands at `at`, with a department session of that moment. */
async function at(local: string, userId = 'dept-market'): Promise<{ t: TestApp; dept: string }> {
  const t = await testApp({}, { clock: fixedClock(china(local)) });
  return { t, dept: await loginAs(t.app, userId) };
}

describe('双公示 (POST/GET /api/disclosures)', () => {
  let t: TestApp;
  let market: string;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    market = await loginAs(t.app, 'dept-market');
    admin = await loginAs(t.app, 'admin');
  });

  const publish = (app: TestApp, token: string, items: unknown[]) => request(app.app).post('/api/disclosures').set(auth(token)).send({ items });
  const list = async (app: TestApp, token: string) => (await request(app.app).get('/api/disclosures?limit=100').set(auth(token))).body.items as Array<Record<string, any>>;
  const disclosureRecords = async (uscc: string) => (await t.deps.credit.listEvents(enterpriseSubjectKey(uscc))).filter((e) => e.sourceId.startsWith('DISC-'));

  describe('per-record validation', () => {
    it('accepts a licence and a penalty, and rejects each bad item alone with a code and a Chinese message', async () => {
      const items = [
        license(),
        penalty(),
        penalty({ uscc: '91410104MA45HX0Q3X' }),
        penalty({ decidedOn: '2026-02-30' }),
        penalty({ partyName: undefined }),
        license({ severity: 'general' }),
        license({ validTo: undefined }),
        penalty({ fineYuan: -1 }),
        penalty({ validFrom: '2026-11-30' }),
        license({ validFrom: '2026-12-01', validTo: '2026-11-01' }),
        penalty({ decidedOn: '2099-01-01' }),
        penalty({ decidedOn: '2020-01-01' }),
        penalty({ publicityEndsOn: '2026-12-31' }),
        'not an object',
      ];
      const res = await publish(t, market, items);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accepted: 2, duplicates: 0, late: [] });
      expect(res.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
        [2, 'INVALID_USCC'],
        [3, 'INVALID_DATE'],
        [4, 'MISSING_FIELD'],
        [5, 'NOT_FOR_LICENSE'],
        [6, 'MISSING_FIELD'],
        [7, 'INVALID_RECORD'],
        [8, 'NOT_FOR_PENALTY'],
        [9, 'INVALID_VALIDITY'],
        [10, 'FUTURE_DATE'],
        [11, 'TOO_OLD'],
        [12, 'INVALID_PUBLICITY_PERIOD'],
        [13, 'INVALID_RECORD'],
      ]);
      for (const r of res.body.rejected) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('takes 1–500 items: none or 501 is a 400', async () => {
      expect((await publish(t, market, [])).status).toBe(400);
      const res = await publish(t, market, Array.from({ length: 501 }, () => ({})));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('names the deciding authority and its USCC from the department’s organisation', async () => {
      const item = license();
      await publish(t, market, [item]);
      const mine = (await list(t, market)).find((d) => d.sourceId === item.sourceId)!;
      const org = await t.deps.orgs.get('org-dept-market');
      expect(mine.authorityUscc).toBe(org!.uscc);
      expect(mine).toMatchObject({ authorityName: org!.name, status: 'published', late: false, publicUntil: null, published: true });
    });
  });

  describe('who may publish', () => {
    it('refuses a department the centre has not entitled to 双公示 (403), and lists only the caller’s own decisions', async () => {
      const tax = await loginAs(t.app, 'dept-tax');
      const res = await publish(t, tax, [penalty()]);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('双公示') });
      const item = penalty();
      await publish(t, market, [item]);
      expect((await list(t, tax)).find((d) => d.sourceId === item.sourceId)).toBeUndefined();
      expect(JSON.stringify((await request(t.app).get('/api/disclosures').set(auth(tax))).body)).not.toContain(item.sourceId);
    });

    it('refuses a suspended department (403 ORG_SUSPENDED) and every other role (403)', async () => {
      const created = await request(t.app).post('/api/orgs').set(auth(admin)).send({ type: 'department', name: `管城区卫生健康委员会（测试${randomUUID().slice(0, 4)}）`, uscc: randomUscc(), feeds: { rules: [], registries: ['disclosures'] } });
      expect(created.status).toBe(201);
      const orgId = created.body.id as string;
      const staff = await staffMember(t, orgId, 'department');
      expect((await publish(t, staff.token, [license()])).body).toMatchObject({ accepted: 1 });
      expect((await request(t.app).post(`/api/orgs/${orgId}/suspension`).set(auth(admin)).send({ reason: '数据核查中' })).status).toBe(200);
      const res = await publish(t, staff.token, [license()]);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ORG_SUSPENDED');
      for (const userId of ['res-zhang', 'ent-huaxin', 'bank-zy', 'mer-museum', 'admin']) {
        const token = await loginAs(t.app, userId);
        expect({ userId, status: (await publish(t, token, [license()])).status }).toEqual({ userId, status: 403 });
        expect({ userId, status: (await request(t.app).get('/api/disclosures').set(auth(token))).status }).toEqual({ userId, status: 403 });
      }
    });
  });

  describe('idempotency by (department, sourceId)', () => {
    it('counts an identical re-send as a duplicate, and of concurrent identical sends accepts exactly one', async () => {
      const item = penalty();
      expect((await publish(t, market, [item, item])).body).toMatchObject({ accepted: 1, duplicates: 1 });
      expect((await publish(t, market, [item])).body).toMatchObject({ accepted: 0, duplicates: 1 });
      const racing = penalty();
      const results = await Promise.all(Array.from({ length: 8 }, () => publish(t, market, [racing])));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(results.reduce((a, r) => a + r.body.accepted, 0)).toBe(1);
      expect(results.reduce((a, r) => a + r.body.duplicates, 0)).toBe(7);
      expect((await list(t, market)).filter((d) => d.sourceId === racing.sourceId)).toHaveLength(1);
    });

    it('makes a penalty exactly one credit record of the catalogue’s rule for its severity, however often it is sent', async () => {
      const item = penalty({ severity: 'serious' });
      await publish(t, market, [item]);
      await Promise.all(Array.from({ length: 6 }, () => publish(t, market, [item])));
      await publish(t, market, [item]);
      const records = await disclosureRecords(item.uscc as string);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ ruleId: 'E-LAW-03', severity: 'serious', state: 'recorded', department: 'org-dept-market', occurredAt: china('2026-11-30T00:00:00') });
      expect(await disclosureRecords((await (async () => { const l = license(); await publish(t, market, [l]); return l.uscc as string; })()))).toHaveLength(0);
    });

    it('updates a corrected decision; a change of severity withdraws the old credit record and makes one new one', async () => {
      const item = penalty();
      await publish(t, market, [item]);
      const fixed = { ...item, content: '销售过期食品，罚款人民币六千元', fineYuan: 6000 };
      expect((await publish(t, market, [fixed])).body).toMatchObject({ accepted: 1, duplicates: 0 });
      expect((await list(t, market)).find((d) => d.sourceId === item.sourceId)).toMatchObject({ fineYuan: 6000, content: fixed.content });
      expect((await disclosureRecords(item.uscc as string)).map((e) => [e.ruleId, e.state])).toEqual([['E-LAW-02', 'recorded']]);
      await publish(t, market, [{ ...fixed, severity: 'serious' }]);
      await publish(t, market, [{ ...fixed, severity: 'serious' }]);
      const records = await disclosureRecords(item.uscc as string);
      expect(records.map((e) => [e.ruleId, e.state]).sort()).toEqual([['E-LAW-02', 'retracted'], ['E-LAW-03', 'recorded']]);
    });

    it('withdraws the decision and the credit record it produced on a re-send with status revoked', async () => {
      const item = penalty();
      await publish(t, market, [item]);
      expect((await publicDisclosuresOf(t.deps, item.uscc as string, new Date())).penalties).toHaveLength(1);
      const revoke = { kind: 'penalty', sourceId: item.sourceId, status: 'revoked' };
      expect((await publish(t, market, [revoke])).body).toMatchObject({ accepted: 1 });
      expect((await publish(t, market, [revoke])).body).toMatchObject({ accepted: 0, duplicates: 1 });
      expect((await disclosureRecords(item.uscc as string)).map((e) => e.state)).toEqual(['retracted']);
      expect((await publicDisclosuresOf(t.deps, item.uscc as string, new Date())).penalties).toHaveLength(0);
      expect((await list(t, market)).find((d) => d.sourceId === item.sourceId)).toMatchObject({ status: 'revoked', published: false, publicUntil: null, creditRecordState: 'retracted' });
      const unknown = await publish(t, market, [{ kind: 'penalty', sourceId: `CF-${randomUUID()}`, status: 'revoked' }]);
      expect(unknown.body.rejected).toEqual([{ index: 0, code: 'UNKNOWN_DECISION', message: expect.stringContaining('未找到') }]);
      const asLicense = await publish(t, market, [{ ...license(), sourceId: item.sourceId }]);
      expect(asLicense.body.rejected[0].code).toBe('KIND_MISMATCH');
    });
  });

  describe('a revocation racing the first send', () => {
    it('never leaves a standing credit record behind a revoked decision', async () => {
      const item = penalty();
      const revoke = { kind: 'penalty', sourceId: item.sourceId, status: 'revoked' };
      // The first send's credit record is written only after the revocation has come and gone
      // (which found no record to withdraw yet).
      const credit = new CreditRepository(t.config.tableName);
      const append = credit.appendEvents.bind(credit);
      let revocation: { accepted: number } | undefined;
      credit.appendEvents = async (...args: Parameters<typeof append>) => {
        revocation ??= (await publish(t, market, [revoke])).body;
        return append(...args);
      };
      const slow = await testApp({}, { credit });
      expect((await publish(slow, await loginAs(slow.app, 'dept-market'), [item])).body).toMatchObject({ accepted: 1 });
      expect(revocation).toMatchObject({ accepted: 1 });
      expect((await disclosureRecords(item.uscc as string)).map((e) => e.state)).toEqual(['retracted']);
    });
  });

  describe('timeliness: 7 working days after the decision, with the State Council’s calendar', () => {
    // 2026-09-29 (Tue): 9/30 is the 1st working day, 10/1–10/7 are off, 10/10 (Saturday) is worked,
    // so the 7th is 10/14 and the deadline is the end of that day.
    it('accepts a decision sent up to the end of the 7th working day across 国庆 as on time, and one after it as late', async () => {
      const onTime = penalty({ decidedOn: '2026-09-29' });
      const late = penalty({ decidedOn: '2026-09-29' });
      const a = await at('2026-10-14T23:59:00');
      const b = await at('2026-10-15T00:00:00');
      expect((await publish(a.t, a.dept, [onTime])).body).toMatchObject({ accepted: 1, late: [] });
      expect((await publish(b.t, b.dept, [license({ decidedOn: '2026-10-14', validFrom: '2026-10-14' }), late])).body).toMatchObject({ accepted: 2, late: [1] });
      const listed = await list(b.t, b.dept);
      expect(listed.find((d) => d.sourceId === onTime.sourceId)).toMatchObject({ late: false, deadline: china('2026-10-15T00:00:00') });
      expect(listed.find((d) => d.sourceId === late.sourceId)).toMatchObject({ late: true });
    });

    it('skips weekends: a decision of Friday 11/20 is due by the end of Tuesday 12/1', async () => {
      // 2026-11-20 (Fri): 11/23–11/27 are 1–5, 11/30 and 12/1 are 6–7 → due by the end of 12/1.
      const item = penalty({ decidedOn: '2026-11-20' });
      const b = await at('2026-12-01T18:00:00');
      expect((await publish(b.t, b.dept, [item])).body).toMatchObject({ accepted: 1, late: [] });
      const c = await at('2026-12-02T09:00:00');
      expect((await publish(c.t, c.dept, [penalty({ decidedOn: '2026-11-20' })])).body).toMatchObject({ late: [0] });
    });

    it('keeps the lateness of the first receipt when the decision is corrected later', async () => {
      const item = penalty({ decidedOn: '2026-09-29' });
      const b = await at('2026-10-20T10:00:00');
      expect((await publish(b.t, b.dept, [item])).body.late).toEqual([0]);
      const c = await at('2026-10-21T10:00:00');
      expect((await publish(c.t, c.dept, [{ ...item, content: '更正：罚款人民币三千元', fineYuan: 3000 }])).body).toMatchObject({ accepted: 1, late: [0] });
    });
  });

  describe('publicity periods under a moved clock', () => {
    const publicAt = async (uscc: string, local: string) => (await publicDisclosuresOf(t.deps, uscc, new Date(china(local)))).penalties;

    it('shows a general penalty from its decision until 1 year later, a serious one until 3 years, in China time', async () => {
      const a = await at('2026-01-16T10:00:00');
      const general = penalty({ decidedOn: '2026-01-15' });
      const serious = penalty({ decidedOn: '2026-01-15', severity: 'serious' });
      await publish(a.t, a.dept, [general, serious]);
      expect(await publicAt(general.uscc as string, '2026-01-14T23:59:59')).toHaveLength(0);
      expect(await publicAt(general.uscc as string, '2026-01-15T00:00:00')).toHaveLength(1);
      expect(await publicAt(general.uscc as string, '2027-01-14T23:59:59')).toMatchObject([{ publicUntil: china('2027-01-15T00:00:00'), lastPublicDay: '2027-01-14', repairableFrom: china('2026-04-15T00:00:00'), severity: 'general' }]);
      expect(await publicAt(general.uscc as string, '2027-01-15T00:00:00')).toHaveLength(0);
      expect(await publicAt(serious.uscc as string, '2029-01-14T23:59:59')).toHaveLength(1);
      expect(await publicAt(serious.uscc as string, '2029-01-15T00:00:00')).toHaveLength(0);
      const later = await at('2027-02-01T10:00:00');
      expect((await list(later.t, later.dept)).find((d) => d.sourceId === general.sourceId)).toMatchObject({ published: false, publicUntil: china('2027-01-15T00:00:00') });
    });

    it('never publishes a light penalty, one by simple procedure or a warning alone; a warning with a fine is published', async () => {
      const a = await at('2026-03-02T10:00:00');
      const uscc = randomUscc();
      const items = [
        penalty({ uscc, decidedOn: '2026-03-01', severity: 'light' }),
        penalty({ uscc, decidedOn: '2026-03-01', severity: undefined }),
        penalty({ uscc, decidedOn: '2026-03-01', simpleProcedure: true }),
        penalty({ uscc, decidedOn: '2026-03-01', category: '警告', fineYuan: undefined }),
      ];
      expect((await publish(a.t, a.dept, items)).body).toMatchObject({ accepted: 4 });
      for (const local of ['2026-03-01T12:00:00', '2026-04-01T12:00:00', '2026-12-01T12:00:00']) expect(await publicAt(uscc, local)).toHaveLength(0);
      const listed = await list(a.t, a.dept);
      for (const i of items) expect(listed.find((d) => d.sourceId === i.sourceId)).toMatchObject({ publicUntil: null, published: false });
      const warnedAndFined = penalty({ decidedOn: '2026-03-01', category: '警告；罚款' });
      await publish(a.t, a.dept, [warnedAndFined]);
      expect(await publicAt(warnedAndFined.uscc as string, '2026-03-02T12:00:00')).toHaveLength(1);
    });

    it('takes the department’s 公示截止期 within the bounds (general: 3 months to 1 year)', async () => {
      const a = await at('2026-01-16T10:00:00');
      const item = penalty({ decidedOn: '2026-01-15', publicityEndsOn: '2026-07-14' });
      expect((await publish(a.t, a.dept, [item, penalty({ decidedOn: '2026-01-15', publicityEndsOn: '2026-04-13' }), penalty({ decidedOn: '2026-01-15', publicityEndsOn: '2027-01-15' })])).body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2]);
      expect(await publicAt(item.uscc as string, '2026-07-14T23:00:00')).toMatchObject([{ publicUntil: china('2026-07-15T00:00:00') }]);
      expect(await publicAt(item.uscc as string, '2026-07-15T00:00:00')).toHaveLength(0);
    });

    it('shows licences that stand and hides revoked ones', async () => {
      const uscc = randomUscc();
      const kept = license({ uscc });
      const revoked = license({ uscc });
      await publish(t, market, [kept, revoked]);
      await publish(t, market, [{ kind: 'license', sourceId: revoked.sourceId, status: 'revoked' }]);
      const { licenses } = await publicDisclosuresOf(t.deps, uscc, new Date());
      expect(licenses.map((l) => l.decisionNo)).toEqual([kept.decisionNo]);
      expect(licenses[0]).toMatchObject({ validFrom: '2026-11-30', validTo: '2031-11-29', authorityName: expect.stringContaining('市场监督管理局') });
    });
  });

  describe('ending publication early through credit repair', () => {
    it('lets the business apply after the minimum; the department’s approval ends publication at that moment', async () => {
      const e = await registeredEnterprise(t);
      const early = penalty({ uscc: e.uscc, decidedOn: new Date(Date.now() - 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) });
      const old = penalty({ uscc: e.uscc, decidedOn: '2026-07-01' });
      await publish(t, market, [early, old]);
      const events = await disclosureRecords(e.uscc);
      const eventOf = (sourceId: string) => events.find((x) => x.sourceId === `DISC-${sourceId}`)!.id;
      const refused = await request(t.app).post('/api/repairs').set(auth(e.token)).send({ eventId: eventOf(early.sourceId as string), statement: '已缴清罚款，整改完毕，附缴款凭证' });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('最短公示期未满');
      const applied = await request(t.app).post('/api/repairs').set(auth(e.token)).send({ eventId: eventOf(old.sourceId as string), statement: '已缴清罚款，整改完毕，附缴款凭证' });
      expect(applied.status).toBe(201);
      expect((await publicDisclosuresOf(t.deps, e.uscc, new Date())).penalties).toHaveLength(2);
      const decided = await request(t.app).post(`/api/repairs/${applied.body.id}/decision`).set(auth(market)).send({ decision: 'approve', reason: '已履行法定义务，同意修复' });
      expect(decided.status).toBe(200);
      const shown = (await publicDisclosuresOf(t.deps, e.uscc, new Date())).penalties;
      expect(shown.map((p) => p.decisionNo)).toEqual([early.decisionNo]);
      const listed = (await list(t, market)).find((d) => d.sourceId === old.sourceId)!;
      expect(listed).toMatchObject({ published: false, creditRecordState: 'repaired', publicUntil: decided.body.answeredAt ?? expect.any(String) });
      expect(new Date(listed.publicUntil).getTime()).toBeLessThan(new Date(china('2027-07-01T00:00:00')).getTime());
    });
  });

  describe('monthly counters and the console’s dashboard', () => {
    it('keeps exact on-time and late counts per decision month under concurrent sends, and missing against the declared count', async () => {
      const created = await request(t.app).post('/api/orgs').set(auth(admin)).send({ type: 'department', name: `管城区城市管理局（测试${randomUUID().slice(0, 4)}）`, uscc: randomUscc(), feeds: { rules: [], registries: ['disclosures'] } });
      expect(created.status).toBe(201);
      const orgId = created.body.id as string;
      const later = await testApp({}, { clock: fixedClock(china('2026-11-10T10:00:00')) });
      const staff = await staffMember(later, orgId, 'department');
      const onTime = Array.from({ length: 12 }, () => penalty({ decidedOn: '2026-11-05' }));
      const late = Array.from({ length: 5 }, () => license({ decidedOn: '2026-10-09', validFrom: '2026-10-09' }));
      const sends = [...onTime, ...late].flatMap((item) => [item, item, item]);
      const results = await Promise.all(sends.map((item) => publish(later, staff.token, [item])));
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(results.reduce((a, r) => a + r.body.accepted, 0)).toBe(17);
      await publish(later, staff.token, [{ kind: 'penalty', sourceId: onTime[0].sourceId, status: 'revoked' }]);
      const declared = await request(later.app).put('/api/disclosures/declared-counts').set(auth(staff.token)).send({ month: '2026-11', count: 15 });
      expect(declared.body).toEqual({ month: '2026-11', declared: 15, received: 12, missing: 3 });
      expect((await request(later.app).put('/api/disclosures/declared-counts').set(auth(staff.token)).send({ month: '2026-12', count: 1 })).status).toBe(400);

      const adminLater = await loginAs(later.app, 'admin');
      const res = await request(later.app).get('/api/admin/disclosures/timeliness?months=12').set(auth(adminLater));
      expect(res.status).toBe(200);
      expect(res.body.months).toHaveLength(12);
      expect(res.body.months[11]).toBe('2026-11');
      const row = res.body.departments.find((d: { orgId: string }) => d.orgId === orgId);
      expect(row).toMatchObject({ onTime: 12, late: 5, missing: 3, onTimeRate: 12 / 17 });
      expect(row.monthly.find((m: { month: string }) => m.month === '2026-11')).toEqual({ month: '2026-11', onTime: 12, late: 0, declared: 15, missing: 3 });
      expect(row.monthly.find((m: { month: string }) => m.month === '2026-10')).toEqual({ month: '2026-10', onTime: 0, late: 5, declared: null, missing: null });
      expect(res.body.trend).toHaveLength(12);
    });

    it('is the credit centre’s alone', async () => {
      for (const userId of ['dept-market', 'res-zhang', 'ent-huaxin']) {
        const token = await loginAs(t.app, userId);
        expect((await request(t.app).get('/api/admin/disclosures/timeliness').set(auth(token))).status).toBe(403);
      }
      const dept = await loginAs(t.app, 'ent-huaxin');
      expect((await request(t.app).put('/api/disclosures/declared-counts').set(auth(dept)).send({ month: '2026-11', count: 1 })).status).toBe(403);
    });
  });

  describe('the demo', () => {
    it('has a licence of 华信 and a general penalty of 恒达建材 on public view, seeded once', async () => {
      const now = new Date();
      expect((await publicDisclosuresOf(t.deps, HUAXIN_USCC, now)).licenses).toMatchObject([{ partyName: '郑州华信商贸有限公司', category: '普通' }]);
      expect((await publicDisclosuresOf(t.deps, HUAXIN_USCC, now)).penalties).toEqual([]);
      expect((await publicDisclosuresOf(t.deps, REVOKED_USCC, now)).penalties).toMatchObject([{ severity: 'general', fineYuan: 20000 }]);
      expect(await seedDemoDisclosures({ ...t.deps, idHashPepper: t.config.idHashPepper })).toEqual({ created: 0, kept: 2 });
      expect(await disclosureRecords(REVOKED_USCC)).toHaveLength(1);
    });
  });
});
