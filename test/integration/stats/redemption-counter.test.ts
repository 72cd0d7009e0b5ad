import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { countRedemptions } from '../../../functions/stats/count-redemptions';
import { RedemptionCountsRepository } from '../../../functions/stats/redemption-counts.repository';
import { verifiedResident } from '../../support/people';
import { loginAs, runStreamFunction, testApp, type TestApp } from '../../support/test-app';

/**
 * The dashboard's redemptions per day are counted from the table's stream by a second function.
 * Lambda delivers a batch at least once: these tests deliver batches again, longer, and at the
 * same time, and check that every redemption is counted exactly once.
 */
describe('redemptions per day, counted from the table’s stream', () => {
  let t: TestApp;
  let counts: RedemptionCountsRepository;
  const clock = fixedClock('2026-12-07T08:00:00.000Z');
  beforeAll(async () => {
    t = await testApp();
    counts = new RedemptionCountsRepository(connectDatabase(t.config).client, t.config.tableName);
  });
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Stream records of new redemptions on a day of its own (far from the real ones), in stream order. */
  let sequence = BigInt(Date.now()) * 1_000_000n;
  const redemptionRecords = (n: number, redeemedAt: string): DynamoDBRecord[] =>
    Array.from({ length: n }, () => ({
      eventID: randomUUID(),
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: String(++sequence),
        NewImage: marshall({ pk: `ORGRED#org-x`, sk: `${redeemedAt}#rd-${randomUUID()}`, entity: 'Redemption', redeemedAt }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      },
    }));
  const otherRecord = (): DynamoDBRecord => ({ eventID: randomUUID(), eventName: 'INSERT', dynamodb: { SequenceNumber: String(++sequence), NewImage: marshall({ pk: 'PASS#x', sk: 'PASS', entity: 'Pass' }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } });
  const countOn = async (day: string) => (await t.deps.stats.redemptionsPerDay(day, day)).get(day) ?? 0;
  const count = (records: DynamoDBRecord[]) => countRedemptions({ redemptionCounts: counts, clock }, records);

  it('counts each redemption of concurrent counters exactly once, and no refused scan', async () => {
    const admin = await loginAs(t.app, 'admin');
    const museum = await loginAs(t.app, 'mer-museum');
    const id = `count-load-${Date.now()}`;
    const created = await request(t.app).post('/api/incentives').set(auth(admin)).send({
      id, category: 'shop', title: '计数压测券', benefit: '测试权益', minPoints: 0, quota: { count: 1, period: 'day' }, totalStock: 20,
      validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), merchantIds: ['org-museum'],
    });
    expect(created.status).toBe(201);
    await runStreamFunction(t);
    const today = async () => (await request(t.app).get('/api/admin/dashboard').set(auth(admin))).body.redemptionsPerDay.at(-1).count as number;
    const before = await today();
    const residents = await mapLimit(Array.from({ length: 26 }, (_, i) => i), 6, () => verifiedResident(t));
    const passes = await mapLimit(residents, 6, async (r) => (await request(t.app).post(`/api/incentives/${id}/passes`).set(auth(r.token))).body.pass as string);
    // Every pass scanned twice at once by 8 counters: 20 succeed (the stock), the rest are refused.
    const results = await mapLimit([...passes, ...passes], 8, (pass) => request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass }));
    const succeeded = results.filter((r) => r.status === 201).length;
    expect(succeeded).toBe(20);
    await runStreamFunction(t);
    expect(await today()).toBe(before + succeeded);
    // Nothing left to count: another run changes nothing.
    await runStreamFunction(t);
    expect(await today()).toBe(before + succeeded);
  }, 120_000);

  it('counts a batch delivered again once, and only the new records of a longer redelivery', async () => {
    const day = 'D2031-01-02';
    const batch = redemptionRecords(5, '2031-01-02T03:00:00.000Z');
    expect(await count([otherRecord(), ...batch])).toEqual({ counted: 5 });
    expect(await count([otherRecord(), ...batch])).toEqual({ counted: 0 });
    expect(await countOn(day)).toBe(5);
    const more = redemptionRecords(3, '2031-01-02T05:00:00.000Z');
    expect(await count([...batch, ...more])).toEqual({ counted: 3 });
    expect(await countOn(day)).toBe(8);
  });

  it('counts a batch delivered several times at once exactly once', async () => {
    const day = 'D2031-01-03';
    const batch = redemptionRecords(7, '2031-01-03T10:00:00.000Z');
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => count(batch)));
    expect(outcomes.map((o) => o.counted).sort((a, b) => b - a)).toEqual([7, 0, 0, 0, 0, 0]);
    expect(await countOn(day)).toBe(7);
  });

  it('puts a redemption on its China day, across midnight', async () => {
    // 2031-01-04 23:59 and 2031-01-05 00:01 in Beijing (UTC+8).
    await count([...redemptionRecords(2, '2031-01-04T15:59:00.000Z'), ...redemptionRecords(1, '2031-01-04T16:01:00.000Z')]);
    expect(await countOn('D2031-01-04')).toBe(2);
    expect(await countOn('D2031-01-05')).toBe(1);
  });

  it('ignores batches with no new redemption', async () => {
    expect(await count([otherRecord(), otherRecord()])).toEqual({ counted: 0 });
    expect(await count([])).toEqual({ counted: 0 });
  });
});
