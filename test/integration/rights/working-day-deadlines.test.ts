import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { staffMember, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/** The end (24:00 China time) of a China calendar day: the instant a working-day deadline names. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

describe('working-day deadlines with the State Council’s holidays', () => {
  let t: TestApp;
  let admin: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  });

  /** An objection raised at `at` (China time) against a record of two days before: its deadline. */
  async function objectionDeadlineAt(at: string): Promise<string> {
    const later = await testApp({}, { clock: fixedClock(new Date(at).toISOString()) });
    const r = await verifiedResident(t);
    // A session of that moment (one issued now would have expired by 2031).
    const { token } = await later.deps.tokens.issue({ userId: r.userId, roles: ['resident'] }, Math.floor(Date.parse(at) / 1000));
    const dept = await loginAs(later.app, 'dept-market');
    const ingest = await request(later.app).post('/api/credit-records').set(auth(dept)).send({
      records: [{ sourceId: `WD-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-03', occurredAt: new Date(Date.parse(at) - 2 * 86_400_000).toISOString() }],
    });
    expect(ingest.body).toMatchObject({ accepted: 1, rejected: [] });
    const eventId = (await request(later.app).get('/api/points/me/events').set(auth(token))).body.items[0].id;
    const res = await request(later.app).post('/api/objections').set(auth(token)).send({ eventId, reason: '记录有误，请核实' });
    expect(res.status).toBe(201);
    return res.body.deadline as string;
  }

  it('gives 5 working days across 春节 2026: 2/14 (Saturday) is worked, 2/15–2/23 are not', async () => {
    expect(await objectionDeadlineAt('2026-02-12T10:00:00+08:00')).toBe(endOf('2026-02-26'));
  });

  it('gives 5 working days across 国庆 2026: 10/1–10/7 off, 10/10 (Saturday) worked', async () => {
    expect(await objectionDeadlineAt('2026-09-29T10:00:00+08:00')).toBe(endOf('2026-10-12'));
  });

  describe('the centre’s holiday calendar (GET/PUT /api/admin/holidays)', () => {
    it('lists the bundled years with their source', async () => {
      const res = await request(t.app).get('/api/admin/holidays').set(auth(admin));
      expect(res.status).toBe(200);
      const y2026 = res.body.items.find((y: { year: number }) => y.year === 2026);
      expect(y2026).toMatchObject({ origin: 'bundled', workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] });
      expect(y2026.source).toContain('2026年部分节假日安排');
      expect(res.body.items.find((y: { year: number }) => y.year === 2025)).toMatchObject({ origin: 'bundled' });
    });

    it('is the credit centre’s alone: other roles 403, no token 401', async () => {
      const body = { holidays: ['2031-01-01'], workdays: [], source: '角色测试' };
      for (const userId of ['dept-market', 'res-zhang', 'bank-zy', 'mer-museum', 'ent-huaxin']) {
        const token = await loginAs(t.app, userId);
        expect({ userId, status: (await request(t.app).put('/api/admin/holidays/2031').set(auth(token)).send(body)).status }).toEqual({ userId, status: 403 });
        expect({ userId, status: (await request(t.app).get('/api/admin/holidays').set(auth(token))).status }).toEqual({ userId, status: 403 });
      }
      expect((await request(t.app).put('/api/admin/holidays/2031').send(body)).status).toBe(401);
      const stored = (await request(t.app).get('/api/admin/holidays').set(auth(admin))).body.items.map((y: { year: number }) => y.year);
      expect(stored).not.toContain(2031);
    });

    it.each([
      ['a day that does not exist', '2032', { holidays: ['2032-02-30'], workdays: [] }, 'holidays.0', 'invalid_date'],
      ['a day of another year', '2032', { holidays: ['2031-10-01'], workdays: [] }, 'holidays.0', 'wrong_year'],
      ['a malformed date', '2032', { holidays: ['2032/10/01'], workdays: [] }, 'holidays.0', 'invalid_date'],
      ['a working “weekend” that is a weekday', '2032', { holidays: ['2032-10-01'], workdays: ['2032-10-08'] }, 'workdays.0', 'not_weekend'],
      ['a day both off and worked', '2032', { holidays: ['2032-10-02'], workdays: ['2032-10-02'] }, 'workdays.0', 'conflict'],
    ])('refuses %s with 400 naming the entry', async (_what, year, body, field, code) => {
      const res = await request(t.app).put(`/api/admin/holidays/${year}`).set(auth(admin)).send({ ...body, source: '校验测试' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
      const stored = (await request(t.app).get('/api/admin/holidays').set(auth(admin))).body.items.map((y: { year: number }) => y.year);
      expect(stored).not.toContain(Number(year));
    });

    it('refuses a bad year in the path, unknown fields and a missing source', async () => {
      for (const [path, body] of [
        ['/api/admin/holidays/1999', { holidays: ['1999-10-01'], workdays: [], source: '年份测试' }],
        ['/api/admin/holidays/abcd', { holidays: ['2032-10-01'], workdays: [], source: '年份测试' }],
        ['/api/admin/holidays/2032', { holidays: ['2032-10-01'], workdays: [], source: '多余字段', extra: 1 }],
        ['/api/admin/holidays/2032', { holidays: ['2032-10-01'], workdays: [] }],
        ['/api/admin/holidays/2032', { holidays: [], workdays: [], source: '空的放假日期' }],
      ] as const) {
        const res = await request(t.app).put(path).set(auth(admin)).send(body);
        expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
      }
    });

    it('stores a year the centre adds, and new deadlines in that year use it', async () => {
      // 2031 is a made-up arrangement (no test depends on that year): 1–10 Oct off, Saturday 11 Oct worked.
      const holidays = ['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-04', '2031-10-05', '2031-10-06', '2031-10-07', '2031-10-08', '2031-10-09', '2031-10-10'];
      const put = await request(t.app).put('/api/admin/holidays/2031').set(auth(admin)).send({ holidays, workdays: ['2031-10-11'], source: '测试：2031 年节假日安排' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ year: 2031, origin: 'centre', workdays: ['2031-10-11'] });
      const list = (await request(t.app).get('/api/admin/holidays').set(auth(admin))).body.items;
      expect(list.find((y: { year: number }) => y.year === 2031)).toMatchObject({ origin: 'centre', source: '测试：2031 年节假日安排' });
      // Tuesday 30 Sep 2031: 1–10 Oct off, Sat 11 worked (1), Mon 13 (2) … Thu 16 (5).
      expect(await objectionDeadlineAt('2031-09-30T10:00:00+08:00')).toBe(endOf('2031-10-16'));
    });

    it('answers a staff admin of the centre too (a real account, not only the demo one)', async () => {
      const centreAdmin = await staffMember(t, 'org-centre', 'admin');
      expect((await request(t.app).get('/api/admin/holidays').set(auth(centreAdmin.token))).status).toBe(200);
    });
  });
});
