import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { verifiedResident } from '../../support/people';
import { prepareDatabase } from '../../support/prepare-database';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

// This file publishes catalogue versions that change P-LAW-02 from now on: on a table of its own, so
// the files that read the rule in force and then record events (yearly caps) never see it move.
process.env.TABLE_NAME = `cxgc-rulesv-${randomUUID().slice(0, 8)}`;

describe('the rule catalogue', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    await prepareDatabase();
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  }, 120_000);

  it('serves every rule of the version in force to anyone', async () => {
    const res = await request(t.app).get('/api/rules');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(30);
    expect(res.body.nextCursor).toBeNull();
    const rule = res.body.items.find((r: { id: string }) => r.id === 'P-LAW-01');
    expect(rule).toMatchObject({ dimension: 'law', points: -30, severity: 'serious', validityMonths: 24, department: 'org-dept-court' });
    expect(rule.legalBasis).toContain('失信被执行人');
    expect(new Set(res.body.items.map((r: { dimension: string }) => r.dimension)).size).toBe(5);
  });

  it('lets only the admin publish, and refuses an unsound catalogue', async () => {
    const body = { effectiveFrom: new Date(Date.now() + 3600_000).toISOString(), note: '测试版本', rules: CATALOGUE_V1_RULES };
    const dept = await loginAs(t.app, 'dept-market');
    expect((await request(t.app).post('/api/rules/versions').set('authorization', `Bearer ${dept}`).send(body)).status).toBe(403);
    const bad = { ...body, rules: [{ ...CATALOGUE_V1_RULES[0], yearlyCap: 1 }] };
    const res = await request(t.app).post('/api/rules/versions').set('authorization', `Bearer ${admin}`).send(bad);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].message).toContain('年度上限');
    const past = { ...body, effectiveFrom: '2022-01-01T00:00:00+08:00' };
    expect((await request(t.app).post('/api/rules/versions').set('authorization', `Bearer ${admin}`).send(past)).status).toBe(400);
  });

  it('scores each event by the version in force when it occurred', async () => {
    // A new version, in force from a moment ago, that doubles the light penalty.
    const rules = CATALOGUE_V1_RULES.map((r) => (r.id === 'P-LAW-02' ? { ...r, points: -4, yearlyCap: 12 } : r));
    const effectiveFrom = new Date(Date.now() - 1000).toISOString();
    const publish = await request(t.app)
      .post('/api/rules/versions')
      .set('authorization', `Bearer ${admin}`)
      .send({ effectiveFrom: new Date().toISOString(), note: '加重轻微处罚', rules });
    expect(publish.status).toBe(201);
    const r = await verifiedResident(t);
    const dept = await loginAs(t.app, 'dept-market');
    const rec = (occurredAt: string) => ({ sourceId: `V-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt });
    await new Promise((res) => setTimeout(res, 1100));
    const ingest = await request(t.app)
      .post('/api/credit-records')
      .set('authorization', `Bearer ${dept}`)
      .send({ records: [rec(new Date(Date.parse(effectiveFrom) - 86_400_000).toISOString()), rec(new Date().toISOString())] });
    expect(ingest.body).toMatchObject({ accepted: 2, rejected: [] });
    const events = await request(t.app).get('/api/points/me/events').set('authorization', `Bearer ${r.token}`);
    const byVersion = Object.fromEntries(events.body.items.map((e: { ruleVersion: number; points: number }) => [e.ruleVersion, e.points]));
    expect(byVersion[1]).toBe(-2);
    expect(byVersion[publish.body.version]).toBe(-4);
    const points = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${r.token}`);
    expect(points.body.points).toBe(94);
    const versions = await request(t.app).get('/api/rules/versions').set('authorization', `Bearer ${admin}`);
    expect(versions.body.items.length).toBeGreaterThanOrEqual(2);
  });
});
