import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { stockShardCount, stockShares } from '../../../functions/incentives/incentives.repository';
import { STOCK_SHARDS } from '../../../functions/shared/db/keys';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * A popular scenario's stock is spread over STOCK_SHARDS items so a crowd does not queue on one
 * (the hot-key part of issue 15); the shares must still add up to exactly the stock.
 */
describe('信易+ stock on shards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('splits a stock into shares that add up to it, one shard per 25 of stock up to 16', () => {
    expect([1, 25, 26, 60, 400, 401, 10_000].map(stockShardCount)).toEqual([1, 1, 2, 3, 16, 16, 16]);
    for (const stock of [0, 1, 5, 15, 16, 17, 40, 60, 1000, 1001]) {
      const shares = stockShares(stock);
      expect(shares).toHaveLength(stockShardCount(stock));
      expect(shares.length).toBeLessThanOrEqual(STOCK_SHARDS);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(stock);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  async function scenario(totalStock: number): Promise<string> {
    const id = `shard-${randomUUID().slice(0, 8)}`;
    const created = await request(t.app).post('/api/incentives').set(auth(await loginAs(t.app, 'admin'))).send({
      id,
      category: 'travel',
      title: '信易游 限量测试',
      benefit: '景区门票半价',
      minPoints: 0,
      quota: { count: 100, period: 'day' },
      totalStock,
      validFrom: daysAgo(1),
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      merchantIds: ['org-museum'],
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return id;
  }

  /** Passes straight through the repository (the pass endpoint limits each resident to 30 a minute). */
  async function passes(incentiveId: string, n: number): Promise<string[]> {
    const residents = await Promise.all(Array.from({ length: 6 }, () => verifiedResident(t)));
    return mapLimit(Array.from({ length: n }, (_, i) => residents[i % residents.length]), 10, async (r) => {
      const expiresAt = Math.floor(Date.now() / 1000) + 600;
      const { token, passId } = t.deps.passes.issue(expiresAt, expiresAt - 600);
      await t.deps.incentives.createPass({ passId, incentiveId, residentUserId: r.userId, expiresAt, issuedAt: new Date().toISOString() });
      return token;
    });
  }

  it.each([
    { stock: 7, n: 30 },
    { stock: 60, n: 90 },
    { stock: 40, n: 25 },
  ])('lets exactly min(N, S) of N = $n concurrent redemptions through against a stock of S = $stock', async ({ stock, n }) => {
    const id = await scenario(stock);
    const tokens = await passes(id, n);
    const museum = await loginAs(t.app, 'mer-museum');
    const results = await mapLimit(tokens, 30, (pass) => request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass }));
    const won = results.filter((r) => r.status === 201).length;
    expect(won).toBe(Math.min(n, stock));
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 403 && r.body.error.code === 'QUOTA_EXHAUSTED')).toBe(true);
    // The shards' counters add up to what was given, and the scenario shows none left when it ran out.
    const usage = (await t.deps.incentives.usage('nobody', [{ incentiveId: id, period: 'D2000-01-01', stock }])).get(id);
    expect(usage?.stockUsed).toBe(won);
    const list = await request(t.app).get('/api/incentives').set(auth((await verifiedResident(t)).token));
    const item = list.body.items.find((i: { id: string }) => i.id === id);
    expect(item.stockLeft).toBe(stock - won);
    if (won === stock) expect(item.reasons).toContain('名额已领完');
  }, 120_000);
});
