import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Incentive } from '../../../functions/incentives/incentives.domain';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { recordOperations, waves } from '../../../bench/support/record-ops';
import { hotRequests, measureRoundTrips, type RoundTrip } from '../../../bench/support/round-trips';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * DynamoDB calls and sequential waves of the hot requests, counted by a middleware on the client
 * (counts, never time): a change that adds a round trip fails here. Each request runs on a warm
 * instance (its catalogue cache filled by the same request once before), as bench/RESULTS.md
 * reports them. The session's confirmation is one call of each and adds no wave.
 */
async function listen(t: TestApp): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('round trips on the hot paths', () => {
  let t: TestApp;
  let http: { base: string; close: () => Promise<void> };
  let rows: Map<string, RoundTrip>;

  beforeAll(async () => {
    t = await testApp({ LOG_LEVEL: 'SILENT' });
    http = await listen(t);
    const measured = await measureRoundTrips(connectDatabase(t.config).client, await hotRequests(http.base, t.deps, t.config.idHashPepper));
    rows = new Map(measured.map((r) => [r.key, r]));
  }, 120_000);
  afterAll(async () => http?.close());

  const counts = (key: string) => {
    const r = rows.get(key)!;
    return { calls: r.calls, waves: r.waves, ops: r.ops };
  };

  it('points read: one wave (the projection beside the session confirmation)', () => {
    expect(counts('points')).toEqual({ calls: 2, waves: 1, ops: 'BatchGetItem (1 item), GetItem' });
  });

  it('信易+ list: two waves', () => {
    const c = counts('incentives');
    expect({ calls: c.calls, waves: c.waves }).toEqual({ calls: 3, waves: 2 });
    expect(c.ops).not.toMatch(/Query/);
  });

  it('pass issue: three waves (confirmation with rate limit and projection, usage, the pass)', () => {
    const c = counts('pass');
    expect({ calls: c.calls, waves: c.waves }).toEqual({ calls: 5, waves: 3 });
    expect(c.ops).not.toMatch(/Query/);
  });

  it('redemption: three waves (pass, then account + projection + usage, then one transaction)', () => {
    const c = counts('redemption');
    expect(c.waves).toBe(3);
    expect(c.calls).toBeLessThanOrEqual(6);
    expect(c.ops).toMatch(/TransactWriteItems/);
    expect(c.ops).not.toMatch(/Query/);
  });

  it('marketplace and one product’s eligibility: two waves (the business, then its registry entry and records)', () => {
    expect(counts('marketplace')).toEqual({ calls: 4, waves: 2, ops: 'BatchGetItem (3 items), GetItem, Query ×2' });
    expect(counts('eligibility')).toEqual({ calls: 4, waves: 2, ops: 'BatchGetItem (3 items), GetItem, Query ×2' });
  });

  it('loan application submit: three waves, ending in one transaction', () => {
    const c = counts('application');
    expect(c.waves).toBeLessThanOrEqual(3);
    expect(c.ops).toMatch(/TransactWriteItems \(2 items\)$/);
  });

  it('department ingestion of one record stays within its recorded waves', () => {
    expect(counts('ingestion').waves).toBeLessThanOrEqual(3);
  });
});

describe('catalogues cached per instance', () => {
  let a: TestApp;
  let b: TestApp;
  let httpB: { base: string; close: () => Promise<void> };
  beforeAll(async () => {
    // Two app instances on one database, as two Lambda instances: each keeps its own copies.
    a = await testApp({ LOG_LEVEL: 'SILENT' });
    b = await testApp({ LOG_LEVEL: 'SILENT' });
    httpB = await listen(b);
  });
  afterAll(async () => httpB?.close());

  const listOnB = async () => {
    let items: Array<{ id: string; title: string }> = [];
    const ops = await recordOperations(connectDatabase(b.config).client, async () => {
      const res = await fetch(`${httpB.base}/api/incentives`);
      expect(res.status).toBe(200);
      items = ((await res.json()) as { items: typeof items }).items;
    });
    return { items, ops: ops.map((o) => o.command.replace(/Command$/, '')), waves: waves(ops).length };
  };

  it('an edit made through one instance is seen by the other on its next request; unchanged catalogues are not read again', async () => {
    await listOnB();
    const steady = await listOnB();
    // Warm: only the version item.
    expect(steady.ops).toEqual(['GetItem']);

    const id = `rt-cache-${Date.now()}`;
    const incentive: Incentive = {
      id,
      category: 'read',
      title: '缓存测试场景',
      benefit: '免费借阅',
      description: '往返次数测试',
      minPoints: 100,
      quota: { count: 1, period: 'day' },
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2028-12-31T16:00:00.000Z',
      excludeSerious: true,
      merchants: [],
      active: true,
      updatedAt: new Date().toISOString(),
    };
    expect(await a.deps.incentives.save(incentive, null)).toBe(true);
    const afterCreate = await listOnB();
    expect(afterCreate.items.find((i) => i.id === id)?.title).toBe('缓存测试场景');
    expect(afterCreate.ops).toEqual(['GetItem', 'Query']);

    const edited = { ...incentive, title: '缓存测试场景（已修改）', updatedAt: new Date(Date.now() + 1000).toISOString() };
    expect(await a.deps.incentives.save(edited, incentive.updatedAt)).toBe(true);
    expect((await listOnB()).items.find((i) => i.id === id)?.title).toBe('缓存测试场景（已修改）');
    expect((await listOnB()).ops).toEqual(['GetItem']);
  });

  it('a refused edit (stale version) leaves every copy as it was', async () => {
    const all = await a.deps.incentives.list();
    const some = all[0];
    expect(await a.deps.incentives.save({ ...some, title: '不应出现' }, '1999-01-01T00:00:00.000Z')).toBe(false);
    expect((await listOnB()).items.find((i) => i.id === some.id)?.title).toBe(some.title);
  });
});
