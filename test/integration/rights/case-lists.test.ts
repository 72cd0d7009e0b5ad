import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { daysAgo, staffMember, verifiedResident } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * Case lists: one Query per page (titles from one BatchGet, not a query per case), and a status
 * filter that is a key, so every page but the last is full and holds only that status.
 */
describe('objection and repair lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  type Page = { status: number; body: { items: Array<{ id: string; status: string; eventTitle: string }>; nextCursor: string | null } };
  async function walk(token: string, path: string, limit: number): Promise<Page['body']['items'][]> {
    const pages: Page['body']['items'][] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: Page = await request(t.app).get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).set(auth(token));
      expect(res.status).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  }

  it('gives full pages of exactly the asked status, to the resident and to the department, with titles, across cursors', async () => {
    const r = await verifiedResident(t);
    // Eleven light penalties from the city administration (a queue no other test fills).
    const records = Array.from({ length: 11 }, (_, i) => ({ sourceId: `CL-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: i % 2 ? 'P-VIR-06' : 'P-VIR-07', occurredAt: daysAgo(5 + i) }));
    expect((await ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, 'org-dept-urban', records)).accepted).toBe(11);
    const events = (await request(t.app).get('/api/points/me/events?limit=50').set(auth(r.token))).body.items as Array<{ id: string }>;
    expect(events).toHaveLength(11);
    const opened: string[] = [];
    for (const e of events) {
      const res = await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: e.id, reason: '处罚对象认定有误，请核实' });
      expect(res.status).toBe(201);
      opened.push(res.body.id);
    }
    const urban = await staffMember(t, 'org-dept-urban', 'department');
    // The department rejects seven, newest and oldest mixed: four stay open.
    const rejected = opened.filter((_, i) => i % 3 !== 0);
    for (const id of rejected) {
      expect((await request(t.app).post(`/api/objections/${id}/decision`).set(auth(urban.token)).send({ decision: 'reject', reason: '经核实处罚无误' })).status).toBe(200);
    }
    const stillOpen = opened.filter((id) => !rejected.includes(id));

    for (const [token, base] of [[r.token, '/api/objections'], [urban.token, '/api/objections']] as const) {
      const openPages = await walk(token, `${base}?status=OPEN`, 3);
      // Full pages: every page but the last holds `limit` cases (no short pages with a useless 加载更多).
      expect(openPages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
      const openItems = openPages.flat();
      expect(openItems.every((c) => c.status === 'OPEN')).toBe(true);
      expect(new Set(openItems.map((c) => c.id)).size).toBe(openItems.length);
      expect(openItems.map((c) => c.id).filter((id) => opened.includes(id)).sort()).toEqual([...stillOpen].sort());
      expect(openItems.every((c) => ['公共场所不文明行为受到行政处罚', '违规饲养犬只受到行政处罚'].includes(c.eventTitle))).toBe(true);

      const rejectedPages = await walk(token, `${base}?status=REJECTED`, 4);
      expect(rejectedPages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
      expect(rejectedPages.flat().every((c) => c.status === 'REJECTED')).toBe(true);
      expect(rejectedPages.flat().map((c) => c.id).filter((id) => opened.includes(id)).sort()).toEqual([...rejected].sort());

      // Unfiltered, every case once, newest first.
      const all = (await walk(token, base, 5)).flat().filter((c) => opened.includes(c.id));
      expect(all.map((c) => c.id).sort()).toEqual([...opened].sort());
    }
    // The resident's lists have only their cases: exactly 4 open.
    expect((await walk(r.token, '/api/objections?status=OPEN', 100)).flat()).toHaveLength(4);
    expect((await walk(r.token, '/api/objections?status=UPHELD', 2)).flat()).toEqual([]);
  }, 90_000);

  it('refuses a cursor of one filter under another', async () => {
    const r = await verifiedResident(t);
    const records = Array.from({ length: 3 }, (_, i) => ({ sourceId: `CL-${randomUUID()}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-VIR-07', occurredAt: daysAgo(3 + i) }));
    await ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, 'org-dept-urban', records);
    const events = (await request(t.app).get('/api/points/me/events').set(auth(r.token))).body.items as Array<{ id: string }>;
    for (const e of events) await request(t.app).post('/api/objections').set(auth(r.token)).send({ eventId: e.id, reason: '处罚对象认定有误，请核实' });
    const first = await request(t.app).get('/api/objections?status=OPEN&limit=1').set(auth(r.token));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const other = await request(t.app).get(`/api/objections?status=REJECTED&limit=1&cursor=${first.body.nextCursor}`).set(auth(r.token));
    expect(other.status).toBe(400);
    const unfiltered = await request(t.app).get(`/api/objections?limit=1&cursor=${first.body.nextCursor}`).set(auth(r.token));
    expect(unfiltered.status).toBe(400);
  });
});
