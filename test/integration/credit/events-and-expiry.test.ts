import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

describe('the resident’s events, trend and time-based expiry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const get = (path: string, token: string, app = t.app) => request(app).get(path).set('authorization', `Bearer ${token}`);

  it('shows 张伟 exactly the events that make up 135 points', async () => {
    const token = await loginAs(t.app, 'res-zhang');
    const res = await get('/api/points/me/events?limit=100', token);
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ countedPoints: number; status: string; occurredAt: string; legalBasis: string; department: string }>;
    expect(items).toHaveLength(8);
    expect(items.reduce((s, e) => s + e.countedPoints, 0)).toBe(35);
    expect(items.filter((e) => e.status === 'expired')).toHaveLength(1);
    expect(items.every((e) => e.legalBasis.length > 0 && e.department.length > 0)).toBe(true);
    const dates = items.map((e) => e.occurredAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages through events with a cursor and refuses a forged cursor', async () => {
    const token = await loginAs(t.app, 'res-zhang');
    const first = await get('/api/points/me/events?limit=3', token);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const ids = first.body.items.map((e: { id: string }) => e.id);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await get(`/api/points/me/events?limit=3&cursor=${cursor}`, token);
      ids.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    }
    expect(new Set(ids).size).toBe(8);
    expect((await get('/api/points/me/events?cursor=bm90LWpzb24', token)).status).toBe(400);
    expect((await get('/api/points/me/events?limit=0', token)).status).toBe(400);
    expect((await get('/api/points/me/events?limit=101', token)).status).toBe(400);
  });

  it('gives a 12-month trend ending with today’s points', async () => {
    const token = await loginAs(t.app, 'res-zhang');
    const res = await get('/api/points/me/trend', token);
    expect(res.body.items).toHaveLength(12);
    expect(res.body.items.at(-1).points).toBe(135);
    expect(res.body.items[0].month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('lets an expired negative record stop counting at read time, with no one acting', async () => {
    const r = await verifiedResident(t);
    const dept = await loginAs(t.app, 'dept-market');
    // A light penalty counts for 3 months.
    const post = await request(t.app)
      .post('/api/credit-records')
      .set('authorization', `Bearer ${dept}`)
      .send({ records: [{ sourceId: `EXP-${r.userId}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: daysAgo(10) }] });
    expect(post.body.accepted).toBe(1);
    const now = await get('/api/points/me', r.token);
    expect(now.body.points).toBe(98);
    expect(Date.parse(now.body.nextChangeAt)).toBeGreaterThan(Date.now());

    const laterMs = Date.now() + 100 * 86_400_000;
    const later = await testApp({}, { clock: fixedClock(new Date(laterMs).toISOString()) });
    const { token } = await later.deps.tokens.issue({ userId: r.userId, roles: ['resident'] }, Math.floor(laterMs / 1000));
    const afterExpiry = await get('/api/points/me', token, later.app);
    expect(afterExpiry.body.points).toBe(100);
    expect(afterExpiry.body.nextChangeAt).toBeNull();
    const events = await get('/api/points/me/events', token, later.app);
    expect(events.body.items[0]).toMatchObject({ status: 'expired', countedPoints: 0 });
  });

  it('keeps residents apart: each sees only their own events', async () => {
    const a = await verifiedResident(t);
    const li = await loginAs(t.app, 'res-li');
    const res = await get('/api/points/me/events', a.token);
    expect(res.body.items).toEqual([]);
    const liEvents = await get('/api/points/me/events', li);
    expect(liEvents.body.items.map((e: { ruleId: string }) => e.ruleId)).toContain('P-LAW-03');
  });

  it('lets only residents read events and trend', async () => {
    for (const path of ['/api/points/me/events', '/api/points/me/trend']) {
      expect((await request(t.app).get(path)).status).toBe(401);
      expect((await get(path, await loginAs(t.app, 'mer-museum'))).status).toBe(403);
    }
  });
});
