import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { importFile } from '../../../functions/credit/import/import-file';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { startDynamoLocal, type RunningDynamo } from '../../../functions/local/dynamodb-local';
import { freePort } from '../../../functions/local/ports';
import { seedDemo } from '../../../functions/seed/seed-demo';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { ensureTable } from '../../../functions/shared/db/ensure-table';
import { idCheckChar } from '../../../functions/shared/domain/identifiers';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

/**
 * The database goes away in the middle of a bulk import and comes back with its data on disk:
 * the API answers 503 meanwhile and recovers by itself; re-running the import loses nothing and
 * doubles nothing.
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
    t = await testApp({ DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: 'cxgc-fault' });
    await ensureTable(connectDatabase(t.config).client, t.config.tableName, t.config.stage);
    await seedDemo(t.deps, t.config.idHashPepper);
  }, 120_000);

  afterAll(async () => {
    await dynamo?.stop();
  });

  it('answers 503 while it is down, recovers by itself, and a re-run import ends with every record exactly once', async () => {
    const people = 60;
    const ids = Array.from({ length: people }, (_, i) => {
      const body = `41010419900101${String(100 + i).padStart(3, '0')}`;
      return body + idCheckChar(body);
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
});
