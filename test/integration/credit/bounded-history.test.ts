import { randomUUID } from 'node:crypto';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { buildProjection } from '../../../functions/credit/projection';
import { personSubjectKey } from '../../../functions/credit/credit.types';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { daysAgo, randomIdNumber } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * Ingestion reads the subject's projection, which carries the events that can still count, instead
 * of the subject's whole history; the points must be exactly those of the whole history.
 */
describe('ingestion with a long history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const ingest = (department: string, records: unknown[]) => ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, department, records);
  const rec = (idNumber: string, ruleId: string, occurredAt: string) => ({ sourceId: `BH-${randomUUID()}`, subjectType: 'person', subjectId: idNumber, ruleId, occurredAt });

  it('scores a subject with many old expired records exactly like a recompute from all events, carrying only the events that matter', async () => {
    const idNumber = randomIdNumber();
    const subjectKey = personSubjectKey(hashIdNumber(idNumber, t.config.idHashPepper));
    // 120 light penalties and blood donations three to four and a half years ago: long expired.
    for (let batch = 0; batch < 3; batch++) {
      const old = Array.from({ length: 40 }, (_, i) => rec(idNumber, i % 2 ? 'P-LAW-02' : 'P-VIR-06', daysAgo(1100 + batch * 150 + i)));
      expect((await ingest('org-dept-market', old.filter((r) => r.ruleId === 'P-LAW-02'))).accepted).toBe(20);
      expect((await ingest('org-dept-urban', old.filter((r) => r.ruleId === 'P-VIR-06'))).accepted).toBe(20);
    }
    // Then records that count, from several departments, some of one rule beyond its yearly cap.
    await ingest('org-dept-health', [rec(idNumber, 'P-VIR-01', daysAgo(10)), rec(idNumber, 'P-VIR-01', daysAgo(9)), rec(idNumber, 'P-VIR-01', daysAgo(8)), rec(idNumber, 'P-VIR-01', daysAgo(7))]);
    await ingest('org-dept-market', [rec(idNumber, 'P-LAW-03', daysAgo(5))]);
    const again = await ingest('org-dept-civilization', [rec(idNumber, 'P-HON-03', daysAgo(3))]);
    expect(again.accepted).toBe(1);

    const stored = await t.deps.credit.getProjection(subjectKey);
    const all = await t.deps.credit.listEvents(subjectKey);
    expect(all).toHaveLength(126);
    const recomputed = buildProjection(subjectKey, all, await t.deps.rules.listVersions(), new Date(stored!.computedAt), stored!.version);
    const { history: _h, eventCount: _c, ...rest } = recomputed;
    expect(stored).toMatchObject(rest);
    expect(stored?.eventCount).toBe(126);
    // The projection carries the six records that count, not the 120 expired ones.
    expect(stored?.history?.length).toBeLessThanOrEqual(6);
    expect(stored?.delta).toBe(15 - 8 + 10);
  }, 60_000);

  it('still takes a repeated record as a duplicate without reading the history', async () => {
    const idNumber = randomIdNumber();
    const first = rec(idNumber, 'P-LAW-03', daysAgo(20));
    expect((await ingest('org-dept-market', [first])).accepted).toBe(1);
    const repeated = await ingest('org-dept-market', [first, rec(idNumber, 'P-LAW-02', daysAgo(2))]);
    expect(repeated).toMatchObject({ accepted: 1, duplicates: 1 });
    const subjectKey = personSubjectKey(hashIdNumber(idNumber, t.config.idHashPepper));
    expect(await t.deps.credit.listEvents(subjectKey)).toHaveLength(2);
    expect((await t.deps.credit.getProjection(subjectKey))?.delta).toBe(-10);
  });
});
