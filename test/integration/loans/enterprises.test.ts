import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { HUAXIN_USCC } from '../../../functions/seed/demo-data';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';
import { NEW_BUSINESS_NAME, NEW_BUSINESS_USCC, REVOKED_USCC } from '../../../functions/seed/demo-registry';
import { registeredEnterprise, verifiedPerson } from '../../support/enterprises';
import { randomUscc, verifiedResident } from '../../support/people';
import { inRegistry } from '../../support/registry';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('business registration against the enterprise registry, and the business page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const register = (token: string, body: object) => request(t.app).post('/api/enterprises').set(auth(token)).send(body);
  const page = (token: string) => request(t.app).get('/api/enterprises/me').set(auth(token));
  /** An enterprise user without a business whose verified real name is `name`. */
  const person = async (name = '钱多多') => (await verifiedPerson(t, name)).token;

  describe('who may register which business', () => {
    it('registers the business its legal representative names, with the registry’s data, and makes them its manager', async () => {
      const entry = await inRegistry(t, { name: '郑州示例商贸有限公司', legalRepresentative: '钱多多', establishedOn: '2019-05-20' });
      const res = await register(await person('钱多多'), { uscc: entry.uscc.toLowerCase() });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.stringMatching(/^org-ent-/), uscc: entry.uscc });
      const me = await page(res.body.token);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        uscc: entry.uscc,
        name: '郑州示例商贸有限公司',
        legalRepresentative: '钱多多',
        establishedOn: '2019-05-20',
        registryStatus: 'active',
        registryStatusLabel: '存续',
        taxCreditGrade: 'M',
        grade: 'A',
        score: 100,
        events: [],
      });
      expect(me.body.taxGradeYear).toBeUndefined();
      const who = await request(t.app).get('/api/me').set(auth(res.body.token));
      expect(who.body.user).toMatchObject({ roles: expect.arrayContaining(['enterprise']), orgId: res.body.id, manager: true });
    });

    it('lets a resident with a verified real name register the business they represent; they stay a resident', async () => {
      const resident = await verifiedResident(t); // verified as 刘洋 through the identity service stand-in
      const entry = await inRegistry(t, { legalRepresentative: '刘洋' });
      const res = await register(resident.token, { uscc: entry.uscc, name: entry.name, legalRepresentative: '刘洋' });
      expect(res.status).toBe(201);
      const who = await request(t.app).get('/api/me').set(auth(res.body.token));
      expect(who.body.user.roles).toEqual(expect.arrayContaining(['resident', 'enterprise']));
      expect((await page(res.body.token)).body.uscc).toBe(entry.uscc);
    });

    it('refuses an account without a verified real name (403 REAL_NAME_REQUIRED)', async () => {
      const entry = await inRegistry(t);
      const userId = `u-ent-${randomUUID()}`;
      await t.deps.identities.putUserIfAbsent({ id: userId, name: entry.legalRepresentative, roles: ['enterprise'], createdAt: new Date().toISOString() });
      const { token } = await t.deps.tokens.issue({ userId, roles: ['enterprise'] }, Math.floor(Date.now() / 1000));
      const res = await register(token, { uscc: entry.uscc });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'REAL_NAME_REQUIRED', message: expect.stringContaining('实名认证') });
    });

    it('refuses a code the registry does not hold (404 NOT_IN_REGISTRY)', async () => {
      const res = await register(await person(), { uscc: randomUscc() });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_IN_REGISTRY', message: expect.stringContaining('企业登记信息中没有') });
    });

    it('refuses someone who is not the legal representative (403 NOT_LEGAL_REPRESENTATIVE), even naming the right one', async () => {
      const entry = await inRegistry(t, { legalRepresentative: '孙正' });
      const res = await register(await person('孙正义'), { uscc: entry.uscc, legalRepresentative: '孙正' });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'NOT_LEGAL_REPRESENTATIVE', message: expect.stringContaining('法定代表人') });
    });

    it.each([
      ['a name', { name: '郑州别家商贸有限公司' }, 'name', '企业名称与登记信息不一致'],
      ['a legal representative', { legalRepresentative: '钱少少' }, 'legalRepresentative', '法定代表人与登记信息不一致'],
    ])('refuses %s that differs from the registry (422 REGISTRY_MISMATCH)', async (_label, given, field, message) => {
      const entry = await inRegistry(t, { name: '郑州示例商贸有限公司', legalRepresentative: '钱多多' });
      const res = await register(await person('钱多多'), { uscc: entry.uscc, ...given });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'REGISTRY_MISMATCH', message: expect.stringContaining(message) });
      expect(res.body.error.details).toEqual([expect.objectContaining({ field })]);
    });

    it('compares names as people type them: full-width brackets and spaces do not matter', async () => {
      const entry = await inRegistry(t, { name: '郑州示例（管城）商贸有限公司', legalRepresentative: '钱多多' });
      const res = await register(await person('钱多多'), { uscc: entry.uscc, name: '郑州示例(管城)商贸有限公司 ', legalRepresentative: ' 钱多多' });
      expect(res.status).toBe(201);
    });

    it.each([
      ['revoked', '吊销'],
      ['cancelled', '注销'],
    ] as const)('refuses a business whose registry status is %s (422 ENTERPRISE_NOT_ACTIVE)', async (status, label) => {
      const entry = await inRegistry(t, { legalRepresentative: '钱多多', status });
      const res = await register(await person('钱多多'), { uscc: entry.uscc });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'ENTERPRISE_NOT_ACTIVE', message: expect.stringContaining(`「${label}」`) });
    });

    it('takes no founding date from the caller: a body with establishedOn is refused (400 VALIDATION_FAILED)', async () => {
      const entry = await inRegistry(t, { legalRepresentative: '钱多多' });
      const res = await register(await person('钱多多'), { uscc: entry.uscc, establishedOn: '1990-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('refuses staff of another organisation (409 ALREADY_STAFF) and a business’s user (409 ALREADY_REGISTERED)', async () => {
      for (const userId of ['mer-museum', 'bank-zy', 'dept-market', 'admin']) {
        const res = await register(await loginAs(t.app, userId), { uscc: HUAXIN_USCC });
        expect({ userId, status: res.status, code: res.body.error?.code }).toEqual({ userId, status: 409, code: 'ALREADY_STAFF' });
      }
      const huaxin = await register(await loginAs(t.app, 'ent-huaxin'), { uscc: HUAXIN_USCC });
      expect(huaxin.body.error.code).toBe('ALREADY_REGISTERED');
    });

    it('answers 401 without a session', async () => {
      expect((await request(t.app).post('/api/enterprises').send({ uscc: HUAXIN_USCC })).status).toBe(401);
    });
  });

  describe('the code itself (GB 32100-2015)', () => {
    it.each([
      ['a wrong length', '91410104MA45HX0Q', '统一社会信用代码应为 18 位'],
      ['a forbidden letter', '91410104MA45HX0QIZ', '不使用字母 I、O、S、V、Z'],
      ['a lower-case or other character', '91410104MA45HX0Q3#', '只能包含数字和大写字母'],
      ['an unknown registration authority', '01410104MA45HX0Q3', '第 1 位（登记管理部门代码）'],
      ['an organisation type its authority does not define', '95410104MA45HX0Q3', '第 2 位（机构类别代码）'],
      ['a division code that is no province’s', '91990104MA45HX0Q3', '第 3–8 位（登记管理机关行政区划码）'],
      ['a wrong check character', null, '校验位不正确'],
    ])('refuses %s with 400 INVALID_USCC saying what is wrong', async (_label, code, message) => {
      const valid = randomUscc();
      // 17 characters: a body whose only fault is its structure, completed with its right check character.
      const uscc = code === null ? valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0') : code.length === 17 ? code + usccCheckChar(code) : code;
      const res = await register(await person(), { uscc });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_USCC');
      expect(res.body.error.message).toContain(message);
    });
  });

  describe('races', () => {
    it('refuses a code already registered (409 USCC_TAKEN), even when two register it at once', async () => {
      const entry = await inRegistry(t, { legalRepresentative: '钱多多' });
      const [a, b] = await Promise.all([person('钱多多'), person('钱多多')]);
      const results = await Promise.all([register(a, { uscc: entry.uscc }), register(b, { uscc: entry.uscc })]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.error.code).toBe('USCC_TAKEN');
    });

    it('refuses a second business for one account (409 ALREADY_REGISTERED), with a fresh or a stale token, and when both go at once', async () => {
      const token = await person('钱多多');
      const [one, two, three] = await Promise.all([1, 2, 3].map(() => inRegistry(t, { legalRepresentative: '钱多多' })));
      const first = await register(token, { uscc: one.uscc });
      expect(first.status).toBe(201);
      expect((await register(first.body.token, { uscc: two.uscc })).body.error.code).toBe('ALREADY_REGISTERED');
      expect((await register(token, { uscc: two.uscc })).body.error.code).toBe('ALREADY_REGISTERED');

      const racer = await person('钱多多');
      const both = await Promise.all([register(racer, { uscc: two.uscc }), register(racer, { uscc: three.uscc })]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(both.find((r) => r.status === 409)?.body.error.code).toBe('ALREADY_REGISTERED');
    });
  });

  describe('the registries decide, now and later', () => {
    it('shows 华信 as the registries hold it: grade A, tax grade A, founded 2015, 周杰', async () => {
      const me = await page(await loginAs(t.app, 'ent-huaxin'));
      expect(me.body).toMatchObject({
        name: '郑州华信商贸有限公司',
        legalRepresentative: '周杰',
        establishedOn: '2015-06-18',
        registryStatus: 'active',
        grade: 'A',
        score: 110,
        taxCreditGrade: 'A',
        taxGradeYear: 2025,
      });
      expect(me.body.events.map((e: { ruleId: string }) => e.ruleId)).toEqual(['E-HON-02']);
    });

    it('ent-new is 吴昊 with a verified name, legal representative of a business in the registry, not yet registered', async () => {
      const token = await loginAs(t.app, 'ent-new');
      const who = await request(t.app).get('/api/me').set(auth(token));
      expect(who.body.user).toMatchObject({ name: '吴昊', realNameVerified: true });
      expect(who.body.user.orgId).toBeUndefined();
      const none = await page(token);
      expect(none.status).toBe(409);
      expect(none.body.error.code).toBe('NOT_REGISTERED');
      const record = await t.deps.registry.get(NEW_BUSINESS_USCC);
      expect(record.entry).toMatchObject({ name: NEW_BUSINESS_NAME, legalRepresentative: '吴昊', status: 'active' });
      // Asked with a wrong name, the registry answers without registering anything.
      expect((await register(token, { uscc: NEW_BUSINESS_USCC, name: '郑州管城旧材料有限公司' })).body.error.code).toBe('REGISTRY_MISMATCH');
      expect((await register(token, { uscc: REVOKED_USCC })).body.error.code).toBe('NOT_LEGAL_REPRESENTATIVE');
    });

    it('takes the tax grade of the latest year the tax department rated, and follows its updates', async () => {
      const e = await registeredEnterprise(t);
      const tax = await loginAs(t.app, 'dept-tax');
      const feed = (items: object[]) => request(t.app).post('/api/registry/tax-grades').set(auth(tax)).send({ items });
      expect((await feed([{ uscc: e.uscc, year: 2024, grade: 'B' }, { uscc: e.uscc, year: 2025, grade: 'A' }])).body).toEqual({ accepted: 2, rejected: [] });
      expect((await page(e.token)).body).toMatchObject({ taxCreditGrade: 'A', taxGradeYear: 2025 });
      await feed([{ uscc: e.uscc, year: 2025, grade: 'C' }]);
      expect((await page(e.token)).body).toMatchObject({ taxCreditGrade: 'C', taxGradeYear: 2025 });
      const eligibility = await request(t.app).get('/api/loan-products/zy-shuiyi-dai/eligibility').set(auth(e.token));
      expect(eligibility.body.criteria.find((c: { code: string }) => c.code === 'TAX_GRADE')).toMatchObject({ passed: false, detail: '纳税信用 C 级，要求 B 级及以上' });
    });

    it('shows a business the registry revokes as revoked, to it and to the bank, and refuses its loan applications', async () => {
      const e = await registeredEnterprise(t);
      const body = { productId: 'zy-chengxin-dai', amount: 300_000, termMonths: 12, purpose: '补充流动资金，采购原材料' };
      const before = await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', `k-${randomUUID()}`).send(body);
      expect(before.status).toBe(201);

      const market = await loginAs(t.app, 'dept-market');
      const entry = (await t.deps.registry.get(e.uscc)).entry!;
      const fed = await request(t.app)
        .post('/api/registry/enterprises')
        .set(auth(market))
        .send({ items: [{ uscc: e.uscc, name: entry.name, legalRepresentative: entry.legalRepresentative, establishedOn: entry.establishedOn, status: 'revoked' }] });
      expect(fed.body).toEqual({ accepted: 1, rejected: [] });

      expect((await page(e.token)).body).toMatchObject({ registryStatus: 'revoked', registryStatusLabel: '吊销' });
      const eligibility = await request(t.app).get('/api/loan-products/zy-chengxin-dai/eligibility').set(auth(e.token));
      expect(eligibility.body.eligible).toBe(false);
      expect(eligibility.body.criteria[0]).toMatchObject({ code: 'REGISTRY_STATUS', passed: false, detail: '企业登记状态为「吊销」，不能申请贷款' });
      const listed = await request(t.app).get('/api/loan-products').set(auth(e.token));
      expect(listed.body.items.every((p: { eligible: boolean }) => !p.eligible)).toBe(true);

      const after = await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', `k-${randomUUID()}`).send(body);
      expect(after.status).toBe(403);
      expect(after.body.error).toMatchObject({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('企业登记状态为「吊销」，不能申请贷款') });

      const report = await request(t.app).get(`/api/loan-applications/${before.body.id}/credit-report`).set(auth(await loginAs(t.app, 'bank-zy')));
      expect(report.status).toBe(200);
      expect(report.body.enterprise).toMatchObject({ registryStatus: 'revoked', registryStatusLabel: '吊销' });
    });
  });
});
