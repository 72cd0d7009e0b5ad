import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { randomUscc } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('business registration and the business page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const newEnterpriseUser = async () => {
    const userId = `u-ent-${randomUUID()}`;
    await t.deps.identities.putUserIfAbsent({ id: userId, name: '钱经理', roles: ['enterprise'], createdAt: new Date().toISOString() });
    return (await t.deps.tokens.issue({ userId, roles: ['enterprise'] }, Math.floor(Date.now() / 1000))).token;
  };
  const register = (token: string, body: object) => request(t.app).post('/api/enterprises').set('authorization', `Bearer ${token}`).send(body);
  const base = { name: '郑州示例商贸有限公司', legalRepresentative: '钱多多' };

  it('registers a business with a valid code and returns a session that carries it', async () => {
    const token = await newEnterpriseUser();
    const uscc = randomUscc();
    const res = await register(token, { ...base, uscc: uscc.toLowerCase().replace(/[a-z]/g, (c) => c.toUpperCase()) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^org-ent-/), uscc });
    const me = await request(t.app).get('/api/enterprises/me').set('authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ uscc, name: base.name, grade: 'A', score: 100, taxCreditGrade: 'M', events: [] });
    expect(me.body.drivers.length).toBeGreaterThan(0);
  });

  it.each([
    ['a wrong length', '91410104MA45HX0Q', '统一社会信用代码应为 18 位'],
    ['a forbidden letter', '91410104MA45HX0QIZ', '不使用字母 I、O、S、V、Z'],
    ['a lower-case or other character', '91410104MA45HX0Q3#', '只能包含数字和大写字母'],
    ['a wrong check character', null, '校验位不正确'],
  ])('refuses %s with 400 INVALID_USCC saying what is wrong', async (_label, code, message) => {
    const valid = randomUscc();
    const uscc = code ?? valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const res = await register(await newEnterpriseUser(), { ...base, uscc });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_USCC');
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a code already registered (409 USCC_TAKEN), even when two register it at once', async () => {
    const uscc = randomUscc();
    const [a, b] = await Promise.all([newEnterpriseUser(), newEnterpriseUser()]);
    const results = await Promise.all([register(a, { ...base, uscc }), register(b, { ...base, uscc })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('USCC_TAKEN');
  });

  it('refuses a second business for one account (409 ALREADY_REGISTERED)', async () => {
    const token = await newEnterpriseUser();
    const first = await register(token, { ...base, uscc: randomUscc() });
    const again = await register(first.body.token, { ...base, uscc: randomUscc() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_REGISTERED');
    const stale = await register(token, { ...base, uscc: randomUscc() });
    expect(stale.body.error.code).toBe('ALREADY_REGISTERED');
  });

  it('shows 华信 its grade A with its records, and asks ent-new to register first', async () => {
    const me = await request(t.app).get('/api/enterprises/me').set('authorization', `Bearer ${await loginAs(t.app, 'ent-huaxin')}`);
    expect(me.body).toMatchObject({ name: '郑州华信商贸有限公司', grade: 'A', score: 110, taxCreditGrade: 'A' });
    expect(me.body.events.map((e: { ruleId: string }) => e.ruleId)).toEqual(['E-HON-02']);
    const none = await request(t.app).get('/api/enterprises/me').set('authorization', `Bearer ${await loginAs(t.app, 'ent-new')}`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NOT_REGISTERED');
  });

  it('lets only enterprise users register', async () => {
    for (const userId of ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'admin']) {
      const res = await register(await loginAs(t.app, userId), { ...base, uscc: randomUscc() });
      expect({ userId, status: res.status }).toEqual({ userId, status: 403 });
    }
  });
});
