import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mapLimit } from '../../../functions/shared/domain/concurrency';
import { importFile } from '../../../functions/credit/import/import-file';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { startDynamoLocal, type RunningDynamo } from '../../../functions/local/dynamodb-local';
import { freePort } from '../../../functions/local/ports';
import { seedDemo } from '../../../functions/seed/seed-demo';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { ensureTable } from '../../../functions/shared/db/ensure-table';
import { idCheckChar } from '../../../functions/shared/domain/identifiers';
import { verifiedResident } from '../../support/people';
import { captureDatabase, registerIdNumber } from '../../support/privacy-run';
import { loginAs, runStreamFunction, testApp, type TestApp } from '../../support/test-app';

/**
 * The database goes away in the middle of a bulk import, and again in the middle of a load of
 * redemptions, and comes back with its data on disk: the API answers 503 meanwhile and recovers
 * by itself; re-running the import loses nothing and doubles nothing; retried redemptions leave
 * the stock and every resident's quota exact.
 */
describe('DynamoDB stopped in the middle of work', () => {
  let dynamo: RunningDynamo;
  let port: number;
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-fault-db-'));
    dynamo = await startDynamoLocal({ port, dataDir });
    t = await testApp({ DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'cxgc-fault', PASS_TTL_SECONDS: '600' });
    await ensureTable(connectDatabase(t.config).client, t.config.tableName, t.config.stage);
    await seedDemo(t.deps, t.config.idHashPepper);
  }, 120_000);

  afterAll(async () => {
    // This database is gone after the file: leave its contents for the full-run privacy sweep.
    if (dynamo) await captureDatabase(dynamo.endpoint, 'fault');
    await dynamo?.stop();
  });

  it('answers 503 while it is down, recovers by itself, and a re-run import ends with every record exactly once', async () => {
    const people = 60;
    const ids = Array.from({ length: people }, (_, i) => {
      const body = `41010419900101${String(100 + i).padStart(3, '0')}`;
      const id = body + idCheckChar(body);
      registerIdNumber(id);
      return id;
    });
    const lines = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ sourceId: `FAULT-${i}`, subjectType: 'person', subjectId: ids[i % people], ruleId: 'P-LAW-02', occurredAt: new Date(Date.now() - (1 + (i % 200)) * 86_400_000).toISOString() }));
    const file = path.join(dataDir, 'records.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const submit = (records: unknown[]) => ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, 'org-dept-market', records);

    let batches = 0;
    const stopping = async (records: unknown[]) => {
      batches++;
      if (batches === 2) {
        // Stop the database while this batch is being written.
        const pending = submit(records);
        await new Promise((r) => setTimeout(r, 150));
        await dynamo.stop();
        return pending;
      }
      return submit(records);
    };
    await expect(importFile({ file, submit: stopping, batchSize: 200 })).rejects.toBeDefined();

    const health = await request(t.app).get('/api/health');
    expect(health.status).toBe(503);
    const login = await request(t.app).post('/api/auth/dev-login').send({ userId: 'res-zhang' });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toBe('SERVICE_UNAVAILABLE');

    dynamo = await startDynamoLocal({ port, dataDir });
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    const token = await loginAs(t.app, 'res-zhang');
    expect((await request(t.app).get('/api/points/me').set('authorization', `Bearer ${token}`)).body.points).toBe(135);

    const summary = await importFile({ file, submit, batchSize: 200 });
    expect(summary.resumedFrom).toBeGreaterThan(0);
    expect(summary.rejected).toBe(0);

    // Every record exists exactly once: the events of all subjects add up to the file.
    const { hashIdNumber } = await import('../../../functions/shared/domain/id-hash');
    let events = 0;
    const sources = new Set<string>();
    for (const id of ids) {
      const list = await t.deps.credit.listEvents(`P#${hashIdNumber(id, t.config.idHashPepper)}`);
      events += list.length;
      for (const e of list) sources.add(e.sourceId);
    }
    expect(sources.size).toBe(1200);
    expect(events).toBe(1200);
  }, 240_000);

  it('keeps quotas and stock exact when the database stops during a load of redemptions', async () => {
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const admin = await loginAs(t.app, 'admin');
    const museum = await loginAs(t.app, 'mer-museum');
    const id = `fault-load-${Date.now()}`;
    const STOCK = 30;
    const created = await request(t.app).post('/api/incentives').set(auth(admin)).send({
      id, category: 'shop', title: '故障压测券', benefit: '测试权益', minPoints: 0, quota: { count: 1, period: 'day' }, totalStock: STOCK,
      validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), merchantIds: ['org-museum'],
    });
    expect(created.status).toBe(201);
    const today = async () => (await request(t.app).get('/api/admin/dashboard').set(auth(admin))).body.redemptionsPerDay.at(-1).count as number;
    await runStreamFunction(t);
    const countedBefore = await today();
    const residents = await mapLimit(Array.from({ length: 50 }, (_, i) => i), 8, async () => verifiedResident(t));
    const passes = await mapLimit(residents, 8, async (r) => {
      const res = await request(t.app).post(`/api/incentives/${id}/passes`).set(auth(r.token));
      expect(res.status).toBe(201);
      return res.body.pass as string;
    });

    // The load: 8 counters redeeming at once; after the 10th success the database goes away. The
    // redemptions already in flight race the shutdown; the ones the counters start afterwards wait
    // until it is down (a redemption takes a few ms, the JVM's shutdown longer: without the wait
    // the whole load could finish before the database is gone).
    let successes = 0;
    let stopped: Promise<void> | undefined;
    const redeem = (pass: string) => request(t.app).post('/api/redemptions').set(auth(museum)).send({ pass });
    const first = await mapLimit(passes, 8, async (pass) => {
      if (stopped) await stopped;
      const res = await redeem(pass);
      if (res.status === 201 && ++successes === 10) stopped = dynamo.stop();
      return res;
    });
    await stopped;
    const statuses = first.map((r) => `${r.status} ${r.body.error?.code ?? ''}`.trim());
    expect(statuses.filter((s) => s === '503 SERVICE_UNAVAILABLE').length).toBeGreaterThan(0);
    for (const s of statuses) expect(['201', '503 SERVICE_UNAVAILABLE', '403 QUOTA_EXHAUSTED']).toContain(s);
    expect((await request(t.app).get('/api/health')).status).toBe(503);

    // Back with its data; the counters retry every pass that did not get an answer.
    dynamo = await startDynamoLocal({ port, dataDir });
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    const unanswered = passes.filter((_, i) => first[i].status === 503);
    const second = await mapLimit(unanswered, 8, redeem);
    for (const r of second) expect([201, 403, 409]).toContain(r.status);
    const replayed = await redeem(passes[first.findIndex((r) => r.status === 201)]);
    expect(replayed.status).toBe(409);

    // Exactly STOCK redemptions, each pass at most once, each resident at most once today.
    const all = await t.deps.incentives.listByOrg('org-museum', { from: '', to: '9999' }, 1000);
    const mine = all.items.filter((r) => r.incentiveId === id);
    expect(mine).toHaveLength(STOCK);
    expect(new Set(mine.map((r) => r.passId)).size).toBe(STOCK);
    expect(new Set(mine.map((r) => r.residentUserId)).size).toBe(STOCK);
    const answered201 = [...first, ...second].filter((r) => r.status === 201).length;
    // A transaction the database committed just before it stopped was answered 503 and its retry 409:
    // the records are the truth, and every success the counters saw is among them.
    expect(answered201).toBeLessThanOrEqual(STOCK);
    const committedUnseen = second.filter((r) => r.status === 409).length;
    expect(answered201 + committedUnseen).toBe(STOCK);
    // The dashboard's per-day counter, counted from the table's stream (which outlived the restart), is exact too.
    await runStreamFunction(t);
    expect(await today()).toBe(countedBefore + STOCK);
    const view = (await request(t.app).get('/api/incentives').set(auth(residents[0].token))).body.items.find((i: { id: string }) => i.id === id);
    expect(view.stockLeft).toBe(0);
    const late = await verifiedResident(t);
    const refused = await request(t.app).post(`/api/incentives/${id}/passes`).set(auth(late.token));
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.reasons).toContain('名额已领完');
  }, 240_000);
});
