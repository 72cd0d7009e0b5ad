import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * Answers to an event's objection and to its repair application arrive at the same moment (two
 * officers, or an officer and the credit centre). Whatever the interleaving, a retracted record
 * stays retracted, the points match the record's final state, and no case is left open.
 */
describe('closing an objection and a repair of the same event at once', () => {
  let t: TestApp;
  let dept: string;
  let admin: string;
  const ROUNDS = 4;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await testApp();
    dept = await loginAs(t.app, 'dept-market');
    admin = await loginAs(t.app, 'admin');
  });

  /** A resident with one light penalty (repairable at once) under both an open objection and an open repair. */
  async function disputedAndRepairing() {
    const r = await verifiedResident(t);
    const ingest = await request(t.app).post('/api/credit-records').set(auth(dept)).send({
      records: [{ sourceId: `RACE-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: new Date(Date.now() - 3600_000).toISOString() }],
    });
    expect(ingest.body.accepted).toBe(1);
    const eventId = (await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items[0].id as string;
    const points = (await request(t.app).get('/api/points/me').set(auth(r.token))).body.points as number;
    expect(points).toBeLessThan(100);
    const objection = await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId, reason: '处罚对象认定错误，请核实' });
    const repair = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId, statement: '已缴清罚款并完成整改，申请修复' });
    expect([objection.status, repair.status]).toEqual([201, 201]);
    return { ...r, eventId, pointsBefore: points, objectionId: objection.body.id as string, repairId: repair.body.id as string };
  }

  const decide = (kind: 'objections' | 'repairs', id: string, decision: string, token = dept) =>
    request(t.app).post(`/api/${kind}/${id}/decision`).set(auth(token)).send({ decision, reason: `并发答复测试：${decision}` });

  /** The stored event, the subject's points and its cases as the subject sees them. */
  async function finalState(r: Awaited<ReturnType<typeof disputedAndRepairing>>) {
    const event = await t.deps.credit.findEvent(r.eventId);
    const points = (await request(t.app).get('/api/points/me').set(auth(r.token))).body.points as number;
    const objection = ((await request(t.app).get('/api/objections').set(auth(r.token))).body.items as Array<{ id: string; status: string }>).find((c) => c.id === r.objectionId);
    const repair = ((await request(t.app).get('/api/repairs').set(auth(r.token))).body.items as Array<{ id: string; status: string }>).find((c) => c.id === r.repairId);
    return { event, points, objection: objection?.status, repair: repair?.status };
  }

  /** Nothing is left open: no flag on the event, no OPEN case, nothing in the department's queue. */
  async function expectNothingOpen(r: Awaited<ReturnType<typeof disputedAndRepairing>>) {
    const s = await finalState(r);
    expect(s.event?.openObjectionId).toBeUndefined();
    expect(s.event?.openRepairId).toBeUndefined();
    expect(s.objection).not.toBe('OPEN');
    expect(s.repair).not.toBe('OPEN');
    for (const kind of ['objections', 'repairs']) {
      const queue = (await request(t.app).get(`/api/${kind}?status=OPEN&limit=100`).set(auth(dept))).body.items as Array<{ id: string }>;
      expect(queue.map((c) => c.id)).not.toContain(kind === 'objections' ? r.objectionId : r.repairId);
    }
    return s;
  }

  it('uphold objection ∥ approve repair: the record ends retracted, never revived as repaired', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await disputedAndRepairing();
      const [uphold, approve] = await Promise.all([decide('objections', r.objectionId, 'uphold'), decide('repairs', r.repairId, 'approve', admin)]);
      expect(uphold.status).toBe(200);
      expect([200, 409]).toContain(approve.status);
      const s = await expectNothingOpen(r);
      expect(s.event?.state).toBe('retracted');
      expect(s.points).toBe(100);
      expect(s.objection).toBe('UPHELD');
      // The repair was either decided first (then the objection retracted the repaired record) or superseded.
      expect(s.repair).toBe(approve.status === 200 ? 'APPROVED' : 'SUPERSEDED');
      if (approve.status === 409) expect(approve.body.error.code).toBe('CASE_CLOSED');
      expect((await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items).toEqual([]);
    }
  }, 60_000);

  it('uphold objection ∥ reject repair: the record ends retracted and the repair is answered', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await disputedAndRepairing();
      const [uphold, reject] = await Promise.all([decide('objections', r.objectionId, 'uphold', admin), decide('repairs', r.repairId, 'reject')]);
      expect(uphold.status).toBe(200);
      expect([200, 409]).toContain(reject.status);
      const s = await expectNothingOpen(r);
      expect(s.event?.state).toBe('retracted');
      expect(s.points).toBe(100);
      expect(s.repair).toBe(reject.status === 200 ? 'REJECTED' : 'SUPERSEDED');
    }
  }, 60_000);

  it('reject objection ∥ approve repair: both answers stand and the record ends repaired', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await disputedAndRepairing();
      const [reject, approve] = await Promise.all([decide('objections', r.objectionId, 'reject'), decide('repairs', r.repairId, 'approve', admin)]);
      expect([reject.status, approve.status]).toEqual([200, 200]);
      const s = await expectNothingOpen(r);
      expect(s.event?.state).toBe('repaired');
      expect(s.points).toBe(100);
      expect([s.objection, s.repair]).toEqual(['REJECTED', 'APPROVED']);
      const events = (await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items;
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ status: 'repaired', countedPoints: 0 });
      // Cleared flags: the repaired record takes no second repair, and the answer says why.
      const again = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: r.eventId, statement: '再次申请修复测试' });
      expect(again.body.error.code).toBe('REPAIR_NOT_ALLOWED');
    }
  }, 60_000);

  it('two deciders of the same objection: exactly one wins, the other gets 409, the state follows the winner', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await disputedAndRepairing();
      const [a, b] = await Promise.all([decide('objections', r.objectionId, 'uphold'), decide('objections', r.objectionId, 'reject', admin)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error.code).toBe('CASE_CLOSED');
      const upheld = a.status === 200;
      const s = await finalState(r);
      expect(s.objection).toBe(upheld ? 'UPHELD' : 'REJECTED');
      expect(s.event?.openObjectionId).toBeUndefined();
      expect(s.event?.state).toBe(upheld ? 'retracted' : 'recorded');
      expect(s.points).toBe(upheld ? 100 : r.pointsBefore);
      // The repair is closed with the retraction, or still waits for its own answer.
      expect(s.repair).toBe(upheld ? 'SUPERSEDED' : 'OPEN');
      if (!upheld) {
        expect((await decide('repairs', r.repairId, 'reject')).status).toBe(200);
        await expectNothingOpen(r);
      }
    }
  }, 60_000);

  it('two deciders of the same repair: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const r = await disputedAndRepairing();
      const [a, b] = await Promise.all([decide('repairs', r.repairId, 'approve'), decide('repairs', r.repairId, 'approve', admin)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const s = await finalState(r);
      expect(s.repair).toBe('APPROVED');
      expect(s.event?.state).toBe('repaired');
      expect(s.points).toBe(100);
      expect(s.objection).toBe('OPEN');
      expect((await decide('objections', r.objectionId, 'reject')).status).toBe(200);
      await expectNothingOpen(r);
    }
  }, 60_000);
});
