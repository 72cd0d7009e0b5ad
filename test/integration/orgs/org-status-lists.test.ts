import request from 'supertest';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { randomUscc } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * The console's organisation list filtered by status: the filter is a key (status lists), so
 * pages are full and 加载更多 always brings more, by type or not, across cursors.
 */
describe('organisations by status', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  type Org = { id: string; status: string; type: string };
  async function walk(query: string, limit: number): Promise<Org[][]> {
    const pages: Org[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Org[]; nextCursor: string | null } } = await request(t.app).get(`/api/orgs?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).set(auth(admin));
      expect(res.status).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  }

  it('lists suspended and active organisations in full pages, exactly, by type or not', async () => {
    const created = await mapLimit(Array.from({ length: 8 }, (_, i) => i), 4, async (i) => {
      const res = await request(t.app).post('/api/orgs').set(auth(admin)).send({ type: i % 2 ? 'merchant' : 'bank', name: `状态列表测试机构${i}`, uscc: randomUscc() });
      expect(res.status).toBe(201);
      return res.body as Org;
    });
    // Five suspended, one of them resumed again: four suspended, four active.
    for (const o of created.slice(0, 5)) expect((await request(t.app).post(`/api/orgs/${o.id}/suspension`).set(auth(admin)).send({ reason: '状态列表测试暂停' })).status).toBe(200);
    expect((await request(t.app).delete(`/api/orgs/${created[4].id}/suspension`).set(auth(admin))).status).toBe(200);
    const suspended = created.slice(0, 4).map((o) => o.id);
    const active = created.slice(4).map((o) => o.id);

    for (const [query, mine] of [
      ['status=suspended', suspended],
      ['status=active', active],
      ['type=merchant&status=suspended', created.slice(0, 4).filter((o) => o.type === 'merchant').map((o) => o.id)],
      ['type=bank&status=active', created.slice(4).filter((o) => o.type === 'bank').map((o) => o.id)],
    ] as const) {
      const pages = await walk(query, 2);
      const status = query.includes('suspended') ? 'suspended' : 'active';
      expect({ query, short: pages.slice(0, -1).filter((p) => p.length !== 2).length }).toEqual({ query, short: 0 });
      const items = pages.flat();
      expect(items.every((o) => o.status === status)).toBe(true);
      if (query.startsWith('type=')) expect(items.every((o) => o.type === query.slice(5, query.indexOf('&')))).toBe(true);
      expect(new Set(items.map((o) => o.id)).size).toBe(items.length);
      const ids = new Set(items.map((o) => o.id));
      expect(mine.every((id) => ids.has(id))).toBe(true);
      // Nothing of the other status.
      const other = status === 'suspended' ? active : suspended;
      expect(other.some((id) => ids.has(id))).toBe(false);
    }
    // The unfiltered list still has every one of them.
    const all = new Set((await walk('type=merchant', 50)).flat().map((o) => o.id));
    expect(created.filter((o) => o.type === 'merchant').every((o) => all.has(o.id))).toBe(true);
  }, 60_000);
});
