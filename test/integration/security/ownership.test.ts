import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { allRoutes } from '../../../functions/app';
import { registeredEnterprise } from '../../support/enterprises';
import { daysAgo, staffMember, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * The route table's third dimension: the right role asking for someone else's object. Every route
 * that names an object in its path (or an event in its body) is either listed here with a real
 * object of one owner and the same-role callers who do not own it, or listed as not owned with the
 * reason. Each intruder gets 403 or 404 with an error body only — never the object's data — and the
 * object is unchanged afterwards; the owner, asked the same, is answered (so the fixture is real).
 */
type Call = { method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object };

/** Object routes whose objects belong to no single subject (the public catalogue, the centre's own). */
const NOT_OWNED: Record<string, string> = {
  'post /api/incentives/:id/passes': 'a scenario of the public catalogue; the pass issued is the caller’s own',
  'put /api/incentives/:id': 'the credit centre’s catalogue (admin only, one centre per deployment)',
  'get /api/loan-products/:id/eligibility': 'a public product, checked against the caller’s own business',
  'put /api/measures/:id': 'the credit centre’s published measures (admin only)',
  'get /api/admin/residents/:userId/credit': 'the centre’s look-up of any resident, with a purpose, logged (admin only)',
  'patch /api/orgs/:id': 'the credit centre manages every organisation (admin only)',
  'post /api/orgs/:id/suspension': 'the credit centre manages every organisation (admin only)',
  'delete /api/orgs/:id/suspension': 'the credit centre manages every organisation (admin only)',
  'put /api/admin/holidays/:year': 'the State Council’s holiday calendar as the credit centre keeps it (admin only, one per deployment)',
  'post /api/commitments/:id/breaches': 'a public commitment: any department that finds it breached records the breach, in its own name (one breach per commitment)',
  'put /api/admin/commitment-templates/:id': 'the credit centre’s commitment templates (admin only)',
  'put /api/admin/notices/:id': 'the credit centre’s own 信用动态 (admin only, one centre per deployment)',
  'delete /api/admin/notices/:id': 'the credit centre’s own 信用动态 (admin only, one centre per deployment)',
};

describe('every object route against the right role but another owner', () => {
  let t: TestApp;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const send = (c: Call, token: string) => {
    const req = request(t.app)[c.method](c.path).set(auth(token));
    return c.method === 'get' || c.method === 'delete' ? req : req.send(c.body ?? {});
  };

  // One object of each kind, with its owner's token and the same-role tokens of others.
  let owned: Record<string, { call: Call; owner: string; intruders: Record<string, string>; secret: string; unchanged: () => Promise<void> }>;

  beforeAll(async () => {
    t = await testApp({ PASS_TTL_SECONDS: '600' });

    // Residents: a pass and an event with an open objection and a pending repair.
    const owner = await verifiedResident(t);
    const other = await verifiedResident(t);
    const pass = (await request(t.app).post('/api/incentives/tcm-pay-later/passes').set(auth(await loginAs(t.app, 'res-zhang')))).body;
    const dept = await loginAs(t.app, 'dept-market');
    await request(t.app).post('/api/credit-records').set(auth(dept)).send({
      records: [
        { sourceId: `OWN-${randomUUID()}`, subjectType: 'person', subjectId: owner.idNumber, ruleId: 'P-LAW-03', occurredAt: daysAgo(10) },
        { sourceId: `OWN-${randomUUID()}`, subjectType: 'person', subjectId: owner.idNumber, ruleId: 'P-LAW-03', occurredAt: daysAgo(200) },
      ],
    });
    const events = (await request(t.app).get('/api/points/me/events').set(auth(owner.token))).body.items as Array<{ id: string; occurredAt: string }>;
    const [recent, old] = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const objection = (await request(t.app).post('/api/objections').set(auth(owner.token)).send({ eventId: recent.id, reason: '记录有误，请核实' })).body;
    const repair = (await request(t.app).post('/api/repairs').set(auth(owner.token)).send({ eventId: old.id, statement: '已缴清罚款，整改完毕，附凭证' })).body;
    expect(objection.id).toBeDefined();
    expect(repair.id).toBeDefined();
    const court = (await staffMember(t, 'org-dept-court', 'department')).token;

    // Businesses and banks: an application of one business to 中原银行, an authorisation, a product.
    const ent = await registeredEnterprise(t);
    const otherEnt = await registeredEnterprise(t);
    const application = (await request(t.app).post('/api/loan-applications').set(auth(ent.token)).set('idempotency-key', `own-${randomUUID()}`).send({ productId: 'zy-chengxin-dai', amount: 300_000, termMonths: 12, purpose: '补充流动资金，采购原材料' })).body;
    const authorization = (await request(t.app).post('/api/authorizations').set(auth(ent.token)).send({ bankId: 'org-bank-zy', days: 30 })).body;
    expect(application.id).toBeDefined();
    expect(authorization.id).toBeDefined();
    const bankZy = await loginAs(t.app, 'bank-zy');
    const bankCcb = (await staffMember(t, 'org-bank-ccb', 'bank')).token;
    const productInput = {
      name: '归属测试贷', description: '用于越权访问测试的产品', minAmount: 100_000, maxAmount: 1_000_000, minTermMonths: 6, maxTermMonths: 24, annualRateMin: 3.5, annualRateMax: 4.5,
      criteria: { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 0, minTaxGrade: 'M' },
    };
    const product = (await request(t.app).post('/api/loan-products').set(auth(bankZy)).send(productInput)).body;
    expect(product.id).toBeDefined();
    // 信用核查: a check of the market bureau's, about the business.
    const marketDept = await loginAs(t.app, 'dept-market');
    const check = (await request(t.app).post('/api/credit-checks').set(auth(marketDept)).send({ purpose: 'procurement', subjects: [ent.uscc] })).body;
    expect(check.id).toBeDefined();

    const applicationStatus = async () => (await request(t.app).get(`/api/loan-applications/${application.id}`).set(auth(ent.token))).body.status;
    const caseStatus = async (kind: 'objections' | 'repairs', id: string) =>
      ((await request(t.app).get(`/api/${kind}`).set(auth(owner.token))).body.items as Array<{ id: string; status: string }>).find((c) => c.id === id)?.status;
    const stillSubmitted = async () => expect(await applicationStatus()).toBe('SUBMITTED');

    owned = {
      'get /api/passes/:passId': {
        call: { method: 'get', path: `/api/passes/${pass.passId}` },
        owner: await loginAs(t.app, 'res-zhang'),
        intruders: { 'another resident': other.token },
        secret: pass.passId,
        unchanged: async () => undefined,
      },
      'get /api/loan-applications/:id': {
        call: { method: 'get', path: `/api/loan-applications/${application.id}` },
        owner: ent.token,
        intruders: { 'another business': otherEnt.token, 'another bank': bankCcb },
        secret: ent.uscc,
        unchanged: stillSubmitted,
      },
      'get /api/loan-applications/:id/credit-report': {
        call: { method: 'get', path: `/api/loan-applications/${application.id}/credit-report` },
        owner: bankZy,
        intruders: { 'another bank': bankCcb },
        secret: ent.uscc,
        unchanged: stillSubmitted,
      },
      'post /api/loan-applications/:id/decision': {
        call: { method: 'post', path: `/api/loan-applications/${application.id}/decision`, body: { decision: 'approve' } },
        owner: bankZy,
        intruders: { 'another bank': bankCcb },
        secret: ent.uscc,
        unchanged: stillSubmitted,
      },
      'post /api/loan-applications/:id/disbursement': {
        call: { method: 'post', path: `/api/loan-applications/${application.id}/disbursement`, body: { amount: 300_000 } },
        owner: bankZy,
        intruders: { 'another bank': bankCcb },
        secret: ent.uscc,
        unchanged: stillSubmitted,
      },
      'post /api/loan-applications/:id/withdrawal': {
        call: { method: 'post', path: `/api/loan-applications/${application.id}/withdrawal`, body: {} },
        owner: ent.token,
        intruders: { 'another business': otherEnt.token },
        secret: ent.uscc,
        unchanged: stillSubmitted,
      },
      'delete /api/authorizations/:id': {
        call: { method: 'delete', path: `/api/authorizations/${authorization.id}` },
        owner: ent.token,
        intruders: { 'another business': otherEnt.token },
        secret: ent.uscc,
        unchanged: async () => {
          const list = (await request(t.app).get('/api/authorizations').set(auth(ent.token))).body.items as Array<{ id: string; status?: string; revokedAt?: string }>;
          const a = list.find((x) => x.id === authorization.id);
          expect(a).toBeDefined();
          expect(a!.revokedAt).toBeUndefined();
        },
      },
      'put /api/loan-products/:id': {
        call: { method: 'put', path: `/api/loan-products/${product.id}`, body: { product: { ...productInput, name: '被改名的产品' }, expectedUpdatedAt: product.updatedAt } },
        owner: bankZy,
        intruders: { 'another bank': bankCcb },
        secret: '被改名的产品',
        unchanged: async () => {
          const list = (await request(t.app).get('/api/loan-products')).body.items as Array<{ id: string; name: string }>;
          expect(list.find((p) => p.id === product.id)?.name).toBe('归属测试贷');
        },
      },
      'post /api/loan-products/:id/withdrawal': {
        call: { method: 'post', path: `/api/loan-products/${product.id}/withdrawal`, body: { expectedUpdatedAt: product.updatedAt } },
        owner: bankZy,
        intruders: { 'another bank': bankCcb },
        secret: '归属测试贷',
        unchanged: async () => {
          const list = (await request(t.app).get('/api/loan-products')).body.items as Array<{ id: string }>;
          expect(list.some((p) => p.id === product.id)).toBe(true);
        },
      },
      'post /api/objections/:id/decision': {
        call: { method: 'post', path: `/api/objections/${objection.id}/decision`, body: { decision: 'uphold', reason: '越权答复测试' } },
        owner: dept,
        intruders: { 'another department': court },
        secret: '记录有误',
        unchanged: async () => expect(await caseStatus('objections', objection.id)).toBe(objection.status),
      },
      'post /api/repairs/:id/decision': {
        call: { method: 'post', path: `/api/repairs/${repair.id}/decision`, body: { decision: 'approve', reason: '越权答复测试' } },
        owner: dept,
        intruders: { 'another department': court },
        secret: '已缴清罚款',
        unchanged: async () => expect(await caseStatus('repairs', repair.id)).toBe(repair.status),
      },
      'post /api/objections (body eventId)': {
        call: { method: 'post', path: '/api/objections', body: { eventId: recent.id, reason: '这不是我的记录' } },
        owner: owner.token,
        intruders: { 'another resident': other.token },
        secret: recent.id,
        unchanged: async () => undefined,
      },
      'post /api/repairs (body eventId)': {
        call: { method: 'post', path: '/api/repairs', body: { eventId: old.id, statement: '替别人申请修复的测试' } },
        owner: owner.token,
        intruders: { 'another resident': other.token },
        secret: old.id,
        unchanged: async () => undefined,
      },
      'get /api/credit-checks/:id': {
        call: { method: 'get', path: `/api/credit-checks/${check.id}` },
        owner: marketDept,
        intruders: { 'another department': court },
        secret: ent.uscc,
        unchanged: async () => undefined,
      },
      ...(await orgFixtures()),
    };
  }, 60_000);

  /** An organisation's profile, staff and invitations: its manager's, not another organisation's manager's nor a plain member's. */
  async function orgFixtures(): Promise<typeof owned> {
    const museumManager = await loginAs(t.app, 'mer-museum');
    const libraryManager = (await staffMember(t, 'org-library', 'merchant', { manager: true })).token;
    const member = await staffMember(t, 'org-museum', 'merchant');
    const intruders = { 'another organisation’s manager': libraryManager, 'a member who is not a manager': member.token };
    const invite = (name: string) => request(t.app).post('/api/orgs/org-museum/invitations').set(auth(museumManager)).send({ role: 'merchant', name });
    const pending = (await invite('待入职员工甲')).body as { id: string };
    const invitations = async () => (await request(t.app).get('/api/orgs/org-museum/invitations?limit=100').set(auth(museumManager))).body.items as Array<{ id: string; status: string }>;
    const before = (await invitations()).length;
    const staffIds = async () => ((await request(t.app).get('/api/orgs/org-museum/staff?limit=100').set(auth(museumManager))).body.items as Array<{ userId: string }>).map((m) => m.userId);
    return {
      'get /api/orgs/:id': {
        call: { method: 'get', path: '/api/orgs/org-museum' },
        owner: museumManager,
        intruders: { 'another organisation’s manager': libraryManager },
        secret: '博物馆',
        unchanged: async () => undefined,
      },
      'get /api/orgs/:id/staff': {
        call: { method: 'get', path: '/api/orgs/org-museum/staff' },
        owner: museumManager,
        intruders,
        secret: '赵敏',
        unchanged: async () => undefined,
      },
      'get /api/orgs/:id/invitations': {
        call: { method: 'get', path: '/api/orgs/org-museum/invitations' },
        owner: museumManager,
        intruders,
        secret: '待入职员工甲',
        unchanged: async () => undefined,
      },
      'post /api/orgs/:id/invitations': {
        call: { method: 'post', path: '/api/orgs/org-museum/invitations', body: { role: 'merchant', name: '越权邀请' } },
        owner: museumManager,
        intruders,
        secret: '越权邀请',
        unchanged: async () => expect((await invitations()).length).toBe(before),
      },
      'delete /api/orgs/:id/invitations/:invitationId': {
        call: { method: 'delete', path: `/api/orgs/org-museum/invitations/${pending.id}` },
        owner: museumManager,
        intruders,
        secret: pending.id,
        unchanged: async () => expect((await invitations()).find((i) => i.id === pending.id)?.status).toBe('open'),
      },
      'delete /api/orgs/:id/staff/:userId': {
        call: { method: 'delete', path: `/api/orgs/org-museum/staff/${member.userId}` },
        owner: museumManager,
        intruders: { 'another organisation’s manager': libraryManager },
        secret: member.userId,
        unchanged: async () => expect(await staffIds()).toContain(member.userId),
      },
    };
  }

  it('has an owner fixture or a stated reason for every route that names an object', () => {
    const objectRoutes = allRoutes(t.deps)
      .filter((r) => r.auth !== 'public' && r.auth !== 'optional' && /:\w+/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    const missing = objectRoutes.filter((k) => !owned[k] && !NOT_OWNED[k]);
    expect(missing).toEqual([]);
    expect(Object.keys(owned).length).toBeGreaterThanOrEqual(13);
  });

  it('answers each intruder with 403 or 404 and an error only, and leaves the object as it was', async () => {
    let checked = 0;
    for (const [route, o] of Object.entries(owned)) {
      for (const [who, token] of Object.entries(o.intruders)) {
        const res = await send(o.call, token);
        expect({ route, who, status: [403, 404].includes(res.status) ? '403/404' : res.status, keys: Object.keys(res.body) }).toEqual({ route, who, status: '403/404', keys: ['error'] });
        expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(JSON.stringify(res.body)).not.toContain(o.secret);
        checked++;
      }
      await o.unchanged();
    }
    expect(checked).toBeGreaterThanOrEqual(14);
  });

  it('answers the owners themselves (the fixtures are real objects)', async () => {
    for (const key of ['get /api/passes/:passId', 'get /api/loan-applications/:id', 'get /api/loan-applications/:id/credit-report', 'get /api/orgs/:id', 'get /api/orgs/:id/staff', 'get /api/orgs/:id/invitations', 'get /api/credit-checks/:id']) {
      const res = await send(owned[key].call, owned[key].owner);
      expect({ key, status: res.status }).toEqual({ key, status: 200 });
    }
    // A same-body objection by the owner is refused as a duplicate (409), not as "not yours" (404).
    const dup = await send(owned['post /api/objections (body eventId)'].call, owned['post /api/objections (body eventId)'].owner);
    expect(dup.status).toBe(409);
  });
});
