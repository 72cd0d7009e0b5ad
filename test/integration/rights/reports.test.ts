import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ReportSigner } from '../../../functions/reports/report-signer';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { registeredEnterprise } from '../../support/enterprises';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const DAY = 86_400_000;

describe('signed credit reports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const verify = (body: object, app = t.app) => request(app).post('/api/reports/verify').send(body);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  /** The same app with the clock moved `days` ahead, and a session for `claims` valid then. */
  const later = async (days: number, claims?: Parameters<TestApp['deps']['tokens']['issue']>[0]) => {
    const ms = Date.now() + days * DAY;
    const moved = await testApp({}, { clock: fixedClock(new Date(ms).toISOString()) });
    const token = claims ? (await moved.deps.tokens.issue(claims, Math.floor(ms / 1000))).token : '';
    return { app: moved.app, token };
  };
  const submit = async (records: object[]) => {
    const res = await request(t.app).post('/api/credit-records').set(auth(await loginAs(t.app, 'dept-market'))).send({ records });
    expect(res.body).toMatchObject({ accepted: records.length, rejected: [] });
  };

  it('signs 张伟’s report, which verifies, and any single changed character invalidates it', async () => {
    const res = await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-zhang')}`);
    expect(res.status).toBe(200);
    const { report, signature } = res.body;
    expect(report).toMatchObject({ reportType: 'person', points: 135, tier: '优秀', subject: { name: '张*' }, keyId: expect.stringMatching(/^cxgc-/) });
    expect(JSON.stringify(report)).not.toMatch(/\d{17}[\dX]/);
    expect((await verify({ report, signature })).body).toMatchObject({ valid: true, keyId: report.keyId });

    const text = JSON.stringify(report);
    // Change one character inside values at several places: every change breaks the signature.
    const positions = [...text.matchAll(/:"([^"]+)"/g)].map((m) => (m.index ?? 0) + 2).slice(0, 12);
    for (const p of positions) {
      const ch = text[p] === '1' ? '2' : '1';
      const altered = JSON.parse(text.slice(0, p) + ch + text.slice(p + 1));
      expect((await verify({ report: altered, signature })).body.valid).toBe(false);
    }
    expect((await verify({ report: { ...report, points: 200 }, signature })).body).toEqual({ valid: false, reason: 'SIGNATURE' });
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect((await verify({ report, signature: flipped })).body.valid).toBe(false);
  });

  it('refuses a report signed with another key, or naming another key id', async () => {
    const { report } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-li')}`)).body;
    const other = new ReportSigner(Buffer.alloc(32, 7).toString('base64url'));
    expect((await verify({ report, signature: other.sign(report) })).body.valid).toBe(false);
    const renamed = { ...report, keyId: other.keyId };
    expect((await verify({ report: renamed, signature: other.sign(renamed) })).body.valid).toBe(false);
  });

  it('publishes the public key, with which anyone can verify offline', async () => {
    const keys = await request(t.app).get('/api/.well-known/credit-report-keys');
    expect(keys.body.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const { report, signature } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'res-wang')}`)).body;
    expect(ReportSigner.verify(report, signature, keys.body.keys)).toBe(true);
    expect(report.measures[0]).toMatchObject({ listType: '失信被执行人名单' });
  });

  it('signs an enterprise report with the grade', async () => {
    const { report, signature } = (await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'ent-huaxin')}`)).body;
    expect(report).toMatchObject({ reportType: 'enterprise', grade: 'A', subject: { name: '郑州华信商贸有限公司' } });
    expect((await verify({ report, signature })).body.valid).toBe(true);
  });

  it('lists only the records that count now: not expired, repaired or retracted ones — and less as the clock moves', async () => {
    const r = await verifiedResident(t);
    const dept = await loginAs(t.app, 'dept-market');
    const record = (ruleId: string, ageDays: number) => ({ sourceId: `RPT-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId, occurredAt: daysAgo(ageDays) });
    await submit([record('P-LAW-02', 10), record('P-LAW-03', 20), record('P-LAW-03', 100), record('P-LAW-02', 200)]);
    const events = (await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items as Array<{ id: string; occurredAt: string; status: string }>;
    expect(events.map((e) => e.status)).toEqual(['active', 'active', 'active', 'expired']);
    const [current, toRetract, toRepair, expired] = events;
    // Retracted: an upheld objection. Repaired: a granted repair after the minimum period.
    const objection = (await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: toRetract.id, reason: '同一违法行为已被重复处罚' })).body;
    expect((await request(t.app).post(`/api/objections/${objection.id}/decision`).set(auth(dept)).send({ decision: 'uphold', reason: '核实为重复归集，予以撤销' })).body.status).toBe('UPHELD');
    const repair = (await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: toRepair.id, statement: '已缴清罚款并完成整改，附缴款凭证' })).body;
    expect((await request(t.app).post(`/api/repairs/${repair.id}/decision`).set(auth(dept)).send({ decision: 'approve', reason: '已履行法定义务，同意修复' })).body.status).toBe('APPROVED');

    const { report, signature } = (await request(t.app).get('/api/reports/me').set(auth(r.token))).body;
    expect(report.records).toEqual([expect.objectContaining({ ruleId: 'P-LAW-02', occurredAt: current.occurredAt, status: 'active' })]);
    expect(JSON.stringify(report.records)).not.toContain(expired.occurredAt);
    expect((await verify({ report, signature })).body.valid).toBe(true);

    // 100 days on, the light penalty's 3 months are over: nothing counts, nothing is listed.
    const moved = await later(100, { userId: r.userId, roles: ['resident'] });
    const then = (await request(moved.app).get('/api/reports/me').set(auth(moved.token))).body.report;
    expect(then.records).toEqual([]);
    expect(then.points).toBe(100);
  }, 30_000);

  it('lists only counting records in the enterprise’s report and in the bank’s view of it', async () => {
    const e = await registeredEnterprise(t);
    const bank = await loginAs(t.app, 'bank-zy');
    const application = await request(t.app).post('/api/loan-applications').set(auth(e.token)).set('idempotency-key', `rpt-${randomUUID()}`).send({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金' });
    expect(application.status).toBe(201);
    const record = (ageDays: number) => ({ sourceId: `RPE-${randomUUID()}`, subjectType: 'enterprise', subjectId: e.uscc, ruleId: 'E-LAW-01', occurredAt: daysAgo(ageDays) });
    await submit([record(10), record(200)]);
    const recent = daysAgo(10).slice(0, 10);

    const own = (await request(t.app).get('/api/reports/me').set(auth(e.token))).body.report;
    expect(own.records).toEqual([expect.objectContaining({ ruleId: 'E-LAW-01', status: 'active' })]);
    expect(own.records[0].occurredAt.slice(0, 10)).toBe(recent);
    const viewed = await request(t.app).get(`/api/loan-applications/${application.body.id}/credit-report`).set(auth(bank));
    expect(viewed.status).toBe(200);
    expect(viewed.body.records).toEqual([expect.objectContaining({ ruleId: 'E-LAW-01', status: 'active' })]);

    const moved = await later(100, { userId: 'bank-zy', roles: ['bank'], orgId: 'org-bank-zy' });
    const then = await request(moved.app).get(`/api/loan-applications/${application.body.id}/credit-report`).set(auth(moved.token));
    expect(then.status).toBe(200);
    expect(then.body.records).toEqual([]);
  }, 30_000);

  it('refuses a report past its validUntil as EXPIRED; a changed one stays SIGNATURE', async () => {
    const { report, signature } = (await request(t.app).get('/api/reports/me').set(auth(await loginAs(t.app, 'res-zhang')))).body;
    const validDays = (Date.parse(report.validUntil) - Date.parse(report.issuedAt)) / DAY;
    expect(validDays).toBe(30);
    const before = await later(validDays - 1);
    expect((await verify({ report, signature }, before.app)).body).toMatchObject({ valid: true, validUntil: report.validUntil });
    const after = await later(validDays + 1);
    expect((await verify({ report, signature }, after.app)).body).toMatchObject({ valid: false, reason: 'EXPIRED', validUntil: report.validUntil });
    // Moving validUntil on is a change like any other.
    const stretched = { ...report, validUntil: new Date(Date.parse(report.validUntil) + 365 * DAY).toISOString() };
    expect((await verify({ report: stretched, signature }, after.app)).body).toEqual({ valid: false, reason: 'SIGNATURE' });
    expect((await verify({ report: { ...report, points: 200 }, signature }, after.app)).body).toEqual({ valid: false, reason: 'SIGNATURE' });
  }, 30_000);

  it('answers malformed verification requests clearly', async () => {
    expect((await verify({ report: 'x', signature: 'y' })).status).toBe(400);
    expect((await verify({ report: {}, signature: 'short' })).body.valid).toBe(false);
    expect((await request(t.app).get('/api/reports/me').set('authorization', `Bearer ${await loginAs(t.app, 'bank-zy')}`)).status).toBe(403);
  });
});
