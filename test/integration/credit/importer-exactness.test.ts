import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../../functions/credit/import/import-file';
import { importCreditRecords, importedEventId } from '../../../functions/credit/import/import-credit-records';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { buildProjection } from '../../../functions/credit/projection';
import { enterpriseSubjectKey, personSubjectKey, type CreditEvent } from '../../../functions/credit/credit.types';
import { hashIdNumber } from '../../../functions/shared/domain/id-hash';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { statOf } from '../../../functions/stats/resident-counters';
import { addMonths } from '../../../functions/rules/rules.domain';
import { keys } from '../../../functions/shared/db/keys';
import { getPlainItem } from '../../../functions/shared/db/models';
import { maskIdNumber } from '../../../functions/shared/domain/identifiers';
import { daysAgo, newResident, randomIdNumber, randomUscc, verifiedResident, verifyResident } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

/**
 * The bulk importer writes events in batches and each subject's projection once per window: every
 * record must still be stored exactly once and every projection equal a recompute from its events
 * — with windows splitting subjects, repeated lines, records already posted through the API,
 * residents verified before and during the import, a run interrupted after its event writes, and
 * the same file imported again.
 */
describe('bulk importer exactness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  const deps = () => ({ ...t.deps, idHashPepper: t.config.idHashPepper });
  const PERSON_RULES = ['P-LAW-02', 'P-LAW-03', 'P-ETH-03', 'P-LAW-04'];

  async function expectExact(subjectKeys: string[], records: Array<{ sourceId: string; subjectKey: string }>) {
    // Every record once: its marker names an event of its subject, and each subject has exactly its records' events.
    const bySubject = new Map<string, Set<string>>();
    for (const r of records) bySubject.set(r.subjectKey, (bySubject.get(r.subjectKey) ?? new Set()).add(r.sourceId));
    const catalogue = await t.deps.rules.listVersions();
    await mapLimit(subjectKeys, 8, async (subjectKey) => {
      const events = await t.deps.credit.listEvents(subjectKey);
      expect({ subjectKey, sources: events.map((e) => e.sourceId).sort() }).toEqual({ subjectKey, sources: [...(bySubject.get(subjectKey) ?? [])].sort() });
      const stored = await t.deps.credit.getProjection(subjectKey);
      expect(stored).not.toBeNull();
      const { history: _h, eventCount: _c, ...recomputed } = buildProjection(subjectKey, events, catalogue, new Date(stored!.computedAt), stored!.version);
      expect(stored).toMatchObject(recomputed);
      // A counted resident's STAT item equals what their projection makes them.
      const stat = await getPlainItem(t.config.tableName, keys.residentStat(subjectKey), true);
      if (stat) expect({ tier: stat.tier, points: stat.points, dueAt: stat.dueAt ?? null }).toEqual(statOf(stored));
    });
  }

  it('stores every record once and leaves every projection equal to a recompute', async () => {
    const people = Array.from({ length: 60 }, () => randomIdNumber());
    const businesses = Array.from({ length: 6 }, () => randomUscc());
    // Some are counted residents before the import, some are verified while it runs.
    const before = await Promise.all(people.slice(0, 4).map(async (idNumber) => {
      const r = await newResident(t);
      expect((await verifyResident(t.app, r.token, idNumber)).status).toBe(200);
      return r;
    }));
    expect(before).toHaveLength(4);
    const during = await Promise.all(people.slice(4, 8).map(async (idNumber) => ({ ...(await newResident(t)), idNumber })));

    const run = randomUUID().slice(0, 8);
    const lines: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 900; i++) {
      const business = i % 10 === 0;
      lines.push(
        business
          ? { sourceId: `IX-${run}-${i}`, subjectType: 'enterprise', subjectId: businesses[i % businesses.length], ruleId: ['E-LAW-01', 'E-LAW-02'][i % 2], occurredAt: daysAgo(1 + (i % 200)) }
          : { sourceId: `IX-${run}-${i}`, subjectType: 'person', subjectId: people[i % people.length], ruleId: PERSON_RULES[i % PERSON_RULES.length], occurredAt: daysAgo(1 + (i % 700)) },
      );
    }
    // Forty records already came through the API; twenty lines repeat earlier ones.
    const viaApi = lines.slice(100, 140);
    expect((await ingestCreditRecords(deps(), 'org-dept-market', viaApi)).accepted).toBe(40);
    const repeated = lines.slice(0, 20).map((l) => ({ ...l }));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxgc-import-exact-')), 'records.jsonl');
    writeFileSync(file, [...lines, ...repeated].map((l) => JSON.stringify(l)).join('\n'));

    const submit = (records: unknown[]) => importCreditRecords(deps(), 'org-dept-market', records);
    const [summary] = await Promise.all([
      // Windows of 250 lines: most subjects' records span several windows.
      importFile({ file, submit, batchSize: 250, maxBatchSize: 250, fresh: true }),
      ...during.map((r) => verifyResident(t.app, r.token, r.idNumber)),
    ]);
    expect(summary).toMatchObject({ accepted: 860, duplicates: 60, rejected: 0 });

    const subjectOf = (l: Record<string, unknown>) => (l.subjectType === 'person' ? personSubjectKey(hashIdNumber(l.subjectId as string, t.config.idHashPepper)) : enterpriseSubjectKey(l.subjectId as string));
    const records = lines.map((l) => ({ sourceId: l.sourceId as string, subjectKey: subjectOf(l) }));
    const subjects = [...new Set(records.map((r) => r.subjectKey))];
    await expectExact(subjects, records);

    // The same file again: all duplicates, nothing changes.
    const versions = await Promise.all(subjects.map(async (s) => (await t.deps.credit.getProjection(s))?.version));
    const again = await importFile({ file, submit, batchSize: 250, maxBatchSize: 250, fresh: true });
    expect(again).toMatchObject({ accepted: 0, duplicates: 920, rejected: 0 });
    expect(await Promise.all(subjects.map(async (s) => (await t.deps.credit.getProjection(s))?.version))).toEqual(versions);
    await expectExact(subjects, records);
  }, 120_000);

  it('counts the events of a run interrupted after its event writes when the window is imported again', async () => {
    const r = await verifiedResident(t);
    const subjectKey = personSubjectKey(hashIdNumber(r.idNumber, t.config.idHashPepper));
    const run = randomUUID().slice(0, 8);
    const first = [{ sourceId: `IR-${run}-0`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-03', occurredAt: daysAgo(10) }];
    expect((await importCreditRecords(deps(), 'org-dept-market', first)).accepted).toBe(1);
    // The interrupted run stored two events and their markers, then stopped before the projection.
    const now = new Date().toISOString();
    const interrupted: CreditEvent[] = [1, 2].map((i) => ({
      id: importedEventId('org-dept-market', `IR-${run}-${i}`),
      subjectKey,
      subjectType: 'person',
      ruleId: 'P-LAW-04',
      ruleVersion: 1,
      occurredAt: daysAgo(5 + i),
      countsUntil: new Date(Date.now() + 300 * 86_400_000).toISOString(),
      state: 'recorded',
      severity: 'serious',
      department: 'org-dept-market',
      sourceId: `IR-${run}-${i}`,
      receivedAt: now,
      subjectMasked: maskIdNumber(r.idNumber),
    }));
    // countsUntil as validation computes it (P-LAW-04 counts 36 months).
    const catalogue = await t.deps.rules.listVersions();
    const months = catalogue[0].rules.find((x) => x.id === 'P-LAW-04')!.validityMonths;
    for (const e of interrupted) e.countsUntil = addMonths(e.occurredAt, months);
    await t.deps.credit.putEventsUnguarded(interrupted);
    expect((await t.deps.credit.getProjection(subjectKey))?.delta).toBe(-8);

    const rerun = interrupted.map((e) => ({ sourceId: e.sourceId, subjectType: 'person', subjectId: r.idNumber, ruleId: e.ruleId, occurredAt: e.occurredAt }));
    expect(await importCreditRecords(deps(), 'org-dept-market', rerun)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await t.deps.credit.getProjection(subjectKey))?.delta).toBe(-8 - 20 - 20);
    await expectExact([subjectKey], [first[0], ...rerun].map((x) => ({ sourceId: x.sourceId, subjectKey })));
  }, 60_000);
});
