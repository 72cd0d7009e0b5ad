import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { daysAgo, staffMember, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('objections and credit repair', () => {
  let t: TestApp;
  let dept: string;
  beforeAll(async () => {
    t = await testApp();
    dept = await loginAs(t.app, 'dept-market');
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A resident with one general penalty from the market regulator, `ageDays` old. */
  async function penalised(ageDays: number) {
    const r = await verifiedResident(t);
    await request(t.app).post('/api/credit-records').set(auth(dept)).send({
      records: [{ sourceId: `RT-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-03', occurredAt: daysAgo(ageDays) }],
    });
    const events = await request(t.app).get('/api/points/me/events').set(auth(r.token));
    return { ...r, eventId: events.body.items[0].id as string };
  }
  const points = async (token: string, app = t.app) => (await request(app).get('/api/points/me').set(auth(token))).body.points;

  it('flags the event as disputed at once; a rejected objection shows the department’s reason', async () => {
    const r = await penalised(30);
    const res = await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: r.eventId, reason: '处罚对象认定错误，当日我不在现场' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'OPEN', deadline: expect.any(String) });
    const events = await request(t.app).get('/api/points/me/events').set(auth(r.token));
    expect(events.body.items[0]).toMatchObject({ status: 'disputed', openObjectionId: res.body.id });

    const queue = await request(t.app).get('/api/objections?status=OPEN&limit=100').set(auth(dept));
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);

    const answer = await request(t.app).post(`/api/objections/${res.body.id}/decision`).set(auth(dept)).send({ decision: 'reject', reason: '经核查现场记录与执法视频，处罚对象认定无误' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'REJECTED', statusLabel: '未通过' });
    const mine = await request(t.app).get('/api/objections').set(auth(r.token));
    expect(mine.body.items[0]).toMatchObject({ status: 'REJECTED', answer: '经核查现场记录与执法视频，处罚对象认定无误', eventTitle: '行政处罚（一般）' });
    const after = await request(t.app).get('/api/points/me/events').set(auth(r.token));
    expect(after.body.items[0].status).toBe('active');
    expect(await points(r.token)).toBe(92);
    const again = await request(t.app).post(`/api/objections/${res.body.id}/decision`).set(auth(dept)).send({ decision: 'uphold', reason: '重复答复测试' });
    expect(again.status).toBe(409);
  });

  it('retracts the event when an objection is upheld, restoring the points', async () => {
    const r = await penalised(10);
    expect(await points(r.token)).toBe(92);
    const { id } = (await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: r.eventId, reason: '同一违法行为已被重复处罚' })).body;
    const answer = await request(t.app).post(`/api/objections/${id}/decision`).set(auth(dept)).send({ decision: 'uphold', reason: '核实为重复归集，予以撤销' });
    expect(answer.body.status).toBe('UPHELD');
    expect(await points(r.token)).toBe(100);
    expect((await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items).toEqual([]);
  });

  it('allows one open objection per event, even when two arrive at once', async () => {
    const r = await penalised(10);
    const results = await Promise.all([1, 2].map(() => request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: r.eventId, reason: '记录有误，请核实' })));
    expect(results.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(results.find((x) => x.status === 409)?.body.error.code).toBe('OBJECTION_OPEN');
  });

  it('keeps others out: another resident’s event is 404, another department cannot answer', async () => {
    const r = await penalised(10);
    const other = await verifiedResident(t);
    expect((await request(t.app).post('/api/objections').set(auth(other.token)).send({ eventId: r.eventId, reason: '不是我的记录' })).status).toBe(404);
    const { id } = (await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: r.eventId, reason: '记录有误，请核实' })).body;
    const court = await staffMember(t, 'org-dept-court', 'department');
    expect((await request(t.app).post(`/api/objections/${id}/decision`).set(auth(court.token)).send({ decision: 'uphold', reason: '越权答复测试' })).status).toBe(404);
    for (const userId of ['res-zhang', 'mer-museum', 'bank-zy', 'ent-huaxin']) {
      const res = await request(t.app).post(`/api/objections/${id}/decision`).set(auth(await loginAs(t.app, userId))).send({ decision: 'uphold', reason: '越权答复测试' });
      expect({ userId, status: res.status }).toEqual({ userId, status: 403 });
    }
    const admin = await loginAs(t.app, 'admin');
    expect((await request(t.app).get('/api/objections?department=org-dept-market&limit=100').set(auth(admin))).body.items.some((c: { id: string }) => c.id === id)).toBe(true);
  });

  it('refuses repair before the minimum publication period, with the date it becomes possible', async () => {
    const r = await penalised(30);
    const res = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: r.eventId, statement: '已缴纳罚款并完成整改' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REPAIR_NOT_ALLOWED');
    expect(res.body.error.message).toMatch(/最短公示期未满，可于 \d{4}-\d{2}-\d{2} 后申请/);
  });

  it('repairs a record after the minimum period: it stops counting and shows as 已修复', async () => {
    const r = await penalised(100);
    expect(await points(r.token)).toBe(92);
    const res = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: r.eventId, statement: '已于上月缴清罚款，并完成整改，附缴款凭证' });
    expect(res.status).toBe(201);
    const queue = await request(t.app).get('/api/repairs?status=OPEN&limit=100').set(auth(dept));
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
    const decided = await request(t.app).post(`/api/repairs/${res.body.id}/decision`).set(auth(dept)).send({ decision: 'approve', reason: '已履行法定义务，同意修复' });
    expect(decided.body).toMatchObject({ status: 'APPROVED', statusLabel: '已修复' });
    expect(await points(r.token)).toBe(100);
    const events = await request(t.app).get('/api/points/me/events').set(auth(r.token));
    expect(events.body.items[0]).toMatchObject({ status: 'repaired', countedPoints: 0 });
    const twice = await request(t.app).post('/api/repairs').set(auth(r.token)).send({ eventId: r.eventId, statement: '再次申请修复测试' });
    expect(twice.status).toBe(409);
  });

  it('lets 李娜 apply once the clock passes her minimum period', async () => {
    const li = await loginAs(t.app, 'res-li');
    const events = await request(t.app).get('/api/points/me/events').set(auth(li));
    const penalty = events.body.items.find((e: { ruleId: string }) => e.ruleId === 'P-LAW-03');
    expect((await request(t.app).post('/api/repairs').set(auth(li)).send({ eventId: penalty.id, statement: '已缴清罚款，整改完毕' })).status).toBe(409);
    const laterMs = Date.parse(penalty.repairableFrom) + 86_400_000;
    const later = await testApp({}, { clock: fixedClock(new Date(laterMs).toISOString()) });
    const { token } = await later.deps.tokens.issue({ userId: 'res-li', roles: ['resident'] }, Math.floor(laterMs / 1000));
    const ok = await request(later.app).post('/api/repairs').set(auth(token)).send({ eventId: penalty.id, statement: '已缴清罚款，整改完毕' });
    expect(ok.status).toBe(201);
  });

  it('refuses repair of positive records and objections without a reason', async () => {
    const zhang = await loginAs(t.app, 'res-zhang');
    const events = await request(t.app).get('/api/points/me/events').set(auth(zhang));
    const positive = events.body.items.find((e: { points: number; status: string }) => e.points > 0 && e.status === 'active');
    const res = await request(t.app).post('/api/repairs').set(auth(zhang)).send({ eventId: positive.id, statement: '测试修复守信记录' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('只有失信记录可以申请信用修复');
    expect((await request(t.app).post('/api/objections').set(auth(zhang)).send({ eventId: positive.id, reason: '' })).status).toBe(400);
  });
});
