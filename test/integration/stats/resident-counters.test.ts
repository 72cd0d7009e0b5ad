import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { personSubjectKey } from '../../../functions/credit/credit.types';
import { keys } from '../../../functions/shared/db/keys';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { maskIdNumber } from '../../../functions/shared/domain/identifiers';
import { SENSITIVE_PI_CONSENT } from '../../../functions/identity/consent-documents';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { readProjection } from '../../../functions/credit/read-projection';
import type { AppDeps } from '../../../functions/container';
import { TIERS } from '../../../functions/points/points.domain';
import { personalPoints } from '../../../functions/points/points.engine';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { refreshStats } from '../../../functions/stats/refresh-stats';
import { daysAgo, newResident, randomIdNumber, verifiedResident, verifyResident } from '../../support/people';
import { prepareDatabase } from '../../support/prepare-database';
import { testApp, type TestApp } from '../../support/test-app';

// Counters are sums over the whole table: this file gets a table of its own (models bind to the
// first table a file uses), so no other file's residents move them while it compares.
process.env.TABLE_NAME = `cxgc-stats-${randomUUID().slice(0, 8)}`;

/** The figures the old statistics job computed: every verified resident read one by one. */
async function recount(deps: AppDeps): Promise<{ verified: number; pointsSum: number; byTier: Record<string, number> }> {
  const byTier: Record<string, number> = Object.fromEntries(TIERS.map((t) => [t.code, 0]));
  let verified = 0;
  let pointsSum = 0;
  let after: Record<string, string> | undefined;
  do {
    const page = await deps.identities.verifiedResidentsPage(100, after);
    for (const user of page.items) {
      if (!user.subjectKey || user.consentWithdrawnAt) continue;
      const { points, tier } = personalPoints((await readProjection(deps, user.subjectKey))?.delta ?? 0);
      verified++;
      pointsSum += points;
      byTier[tier.code]++;
    }
    after = page.last;
  } while (after);
  return { verified, pointsSum, byTier };
}

const figures = async (deps: AppDeps) => {
  const t = await deps.stats.residentTotals();
  return { verified: t.verified, pointsSum: t.pointsSum, byTier: t.byTier };
};

describe('the dashboard’s resident figures are counters that stay exact', () => {
  let t: TestApp;
  beforeAll(async () => {
    await prepareDatabase();
    t = await testApp();
  }, 120_000);

  const ingest = (department: string, records: unknown[]) => ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, department, records);
  const person = (idNumber: string, ruleId: string, occurredAt = daysAgo(randomInt(1, 60))) => ({ sourceId: `ST-${randomUUID()}`, subjectType: 'person', subjectId: idNumber, ruleId, occurredAt });

  it('counts the seeded residents like a recount', async () => {
    const snapshot = await refreshStats(t.deps);
    const counted = await recount(t.deps);
    expect(counted.verified).toBeGreaterThanOrEqual(3);
    expect(snapshot.residents.verified).toBe(counted.verified);
    expect(Object.fromEntries(snapshot.residents.byTier.map((x) => [x.code, x.count]))).toEqual(counted.byTier);
    expect(snapshot.residents.averagePoints).toBe(Math.round(counted.pointsSum / counted.verified));
  });

  it('equals a recount after concurrent ingestions, verifications and consent changes move residents across tiers, and after expiries', async () => {
    const residents = await Promise.all(Array.from({ length: 10 }, () => verifiedResident(t)));
    // People with records before they sign up: they are verified while their records arrive.
    const later = await Promise.all(Array.from({ length: 4 }, async () => ({ ...(await newResident(t)), idNumber: randomIdNumber() })));
    const ids = [...residents.map((r) => r.idNumber), ...later.map((r) => r.idNumber)];
    const pick = () => ids[randomInt(ids.length)];
    // Negatives (market), some light ones 80 days old that stop counting within ten days; positives (civilisation).
    const market = ['P-LAW-04', 'P-LAW-03', 'P-ETH-03', 'P-LAW-02'];
    const civilisation = ['P-HON-01', 'P-HON-02', 'P-HON-03', 'P-FAM-01'];
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    type Task = () => Promise<{ status?: number; rejected?: unknown[] }>;
    const tasks: Task[] = Array.from({ length: 40 }, (_, i): Task =>
      i % 2 === 0
        ? async () => ingest('org-dept-market', Array.from({ length: 1 + randomInt(3) }, () => {
            const rule = market[randomInt(market.length)];
            return person(pick(), rule, rule === 'P-LAW-02' ? daysAgo(80 + randomInt(8)) : undefined);
          }))
        : async () => ingest('org-dept-civilization', Array.from({ length: 1 + randomInt(3) }, () => person(pick(), civilisation[randomInt(civilisation.length)]))),
    );
    // Consent withdrawn and verifications in the middle of the crowd.
    tasks.splice(10, 0, () => request(t.app).post('/api/consents/sensitive-pi/withdrawal').set(auth(residents[0].token)));
    tasks.splice(20, 0, () => request(t.app).post('/api/consents/sensitive-pi/withdrawal').set(auth(residents[1].token)));
    later.forEach((p, i) => tasks.splice(5 + i * 8, 0, () => verifyResident(t.app, p.token, p.idNumber)));
    const results = await mapLimit(tasks, 12, (task) => task());
    expect(results.filter((r) => (r.status !== undefined && r.status !== 200) || (r.rejected && r.rejected.length > 0))).toEqual([]);
    // One withdraws and consents again while records keep arriving.
    const regrant = await Promise.all([
      request(t.app).post('/api/consents/sensitive-pi').set(auth(residents[1].token)).send({ consentVersion: SENSITIVE_PI_CONSENT.version }),
      ...Array.from({ length: 6 }, () => ingest('org-dept-market', [person(residents[1].idNumber, 'P-LAW-03')])),
    ]);
    expect(regrant[0]).toMatchObject({ status: 201 });

    const snapshot = await refreshStats(t.deps);
    const counted = await recount(t.deps);
    expect(await figures(t.deps)).toEqual(counted);
    expect(snapshot.residents.verified).toBe(counted.verified);
    // The crowd did move people across tiers.
    expect(counted.byTier.minor + counted.byTier.poor).toBeGreaterThan(0);
    expect(counted.byTier.excellent + counted.byTier.outstanding).toBeGreaterThan(0);

    // Thirty days on, the light penalties no longer count: the job refreshes exactly those
    // residents (nobody read them), and the counters equal a recount again.
    const at = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const monthLater = await testApp({}, { clock: fixedClock(at) });
    const before = await figures(monthLater.deps);
    await refreshStats(monthLater.deps);
    const afterJob = await figures(monthLater.deps);
    expect(afterJob).not.toEqual(before);
    expect(await recount(monthLater.deps)).toEqual(afterJob);
    // The recount found nothing left to refresh: the counters did not move under it.
    expect(await figures(monthLater.deps)).toEqual(afterJob);
  }, 120_000);

  it('counts, once, the residents verified before the counters existed', async () => {
    // Residents stored as before this change: verified, with records, but no STAT item.
    const legacy = await Promise.all(Array.from({ length: 3 }, async (_, i) => {
      const idNumber = randomIdNumber();
      const idHash = hashIdNumber(idNumber, t.config.idHashPepper);
      const userId = `u-legacy-${randomUUID()}`;
      await t.deps.identities.putUserIfAbsent({ id: userId, name: '旧用户', roles: ['resident'], createdAt: daysAgo(400), realNameVerifiedAt: daysAgo(300), maskedIdNumber: maskIdNumber(idNumber), subjectKey: personSubjectKey(idHash) }, { idHash });
      if (i > 0) await ingest('org-dept-market', [person(idNumber, 'P-LAW-04')]);
      return userId;
    }));
    expect(legacy).toHaveLength(3);
    const before = await figures(t.deps);
    expect(await recount(t.deps)).not.toEqual(before);
    await dynamoose.aws.ddb().send(new DeleteItemCommand({ TableName: t.config.tableName, Key: marshall(keys.residentCountersBackfill()) }));
    await refreshStats(t.deps);
    expect(await figures(t.deps)).toEqual(await recount(t.deps));
    expect((await figures(t.deps)).verified).toBe(before.verified + 3);
  }, 60_000);
});
