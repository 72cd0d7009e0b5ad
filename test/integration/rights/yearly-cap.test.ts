import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * Repaired and retracted records do not use up their rule's yearly cap: the rule's other records
 * of that year are scored as if those had never been recorded.
 */
describe('yearly caps with repaired and retracted records', () => {
  let t: TestApp;
  let dept: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await testApp();
    dept = await loginAs(t.app, 'dept-market');
  });

  it('a repaired light penalty frees its share of the cap for the capped one of the same year', async () => {
    // Read the rule in force (another test may publish a version that changes it).
    const rule = ((await request(t.app).get('/api/rules')).body.items as Array<{ id: string; points: number; yearlyCap: number }>).find((r) => r.id === 'P-LAW-02')!;
    const n = Math.floor(rule.yearlyCap / Math.abs(rule.points)) + 1;
    const r = await verifiedResident(t);
    const records = Array.from({ length: n }, (_, i) => ({
      sourceId: `CAP-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: new Date(Date.now() - (n - i) * 60_000).toISOString(),
    }));
    expect((await request(t.app).post('/api/credit-records').set(auth(dept)).send({ records })).body.accepted).toBe(n);
    const points = async () => (await request(t.app).get('/api/points/me').set(auth(r.token))).body.points as number;
    const events = async () => ((await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items as Array<{ id: string; occurredAt: string; countedPoints: number; status: string }>).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    expect(await points()).toBe(100 - rule.yearlyCap);
    const before = await events();
    expect(before.at(-1)!.countedPoints).toBe(0); // over the cap

    // The first record is repaired: the last one now counts in its place, the total stays at the cap.
    const repair = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: before[0].id, statement: '已缴清罚款并完成整改' });
    expect(repair.status).toBe(201);
    expect((await request(t.app).post(`/api/repairs/${repair.body.id}/decision`).set(auth(dept)).send({ decision: 'approve', reason: '已履行义务，同意修复' })).status).toBe(200);
    const afterRepair = await events();
    expect(afterRepair[0]).toMatchObject({ status: 'repaired', countedPoints: 0 });
    expect(afterRepair.at(-1)!.countedPoints).toBe(rule.points);
    expect(await points()).toBe(100 - rule.yearlyCap);

    // An upheld objection retracts another: now only n − 2 records count, all below the cap.
    const objection = await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: before[1].id, reason: '该处罚已被复议撤销' });
    expect((await request(t.app).post(`/api/objections/${objection.body.id}/decision`).set(auth(dept)).send({ decision: 'uphold', reason: '核实已撤销，予以更正' })).status).toBe(200);
    expect(await points()).toBe(100 + (n - 2) * rule.points);
    expect((await events()).map((e) => e.countedPoints)).toEqual([0, ...Array(n - 2).fill(rule.points)]);
  });
});
