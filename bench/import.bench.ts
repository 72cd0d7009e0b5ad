import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { importFile } from '../functions/credit/import/import-file';
import { importCreditRecords } from '../functions/credit/import/import-credit-records';
import { IMPORT_WINDOW } from '../functions/local/import-window';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { mapLimit } from '../functions/shared/domain/concurrency';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import type { BenchStack } from './support/stack';

/**
 * Imports N generated records (10 per person, market-regulation rules) through the importer,
 * then writes the same items — one event and one source marker per record — with raw
 * BatchWriteItem calls into the same database at the same parallelism (16 requests in flight),
 * and prints records per second for both.
 */
const RULES = [
  { ruleId: 'P-LAW-02', severity: 'light' },
  { ruleId: 'P-LAW-03', severity: 'general' },
  { ruleId: 'P-ETH-03', severity: 'general' },
  { ruleId: 'P-LAW-04', severity: 'serious' },
];

function idNumber(i: number): string {
  const body = `410104${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return body.slice(0, 17) + idCheckChar(body.slice(0, 17));
}

export async function benchImport(stack: BenchStack, total: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-bench-import-'));
  const file = path.join(dir, 'records.jsonl');
  const out = createWriteStream(file);
  const runId = randomUUID().slice(0, 8);
  const people = Math.ceil(total / 10);
  for (let i = 0; i < total; i++) {
    const rule = RULES[i % RULES.length];
    const person = i % people;
    out.write(`${JSON.stringify({ sourceId: `B-${runId}-${i}`, subjectType: 'person', subjectId: idNumber(person * 7 + 13), ...rule, occurredAt: new Date(Date.now() - (1 + (i % 300)) * 86_400_000).toISOString() })}\n`);
  }
  await new Promise((r) => out.end(r));

  // As `npm run import` submits straight into the database: windows of IMPORT_WINDOW records (import-credit-records.ts).
  const submit = (records: unknown[]) => importCreditRecords({ ...stack.deps, idHashPepper: stack.config.idHashPepper }, 'org-dept-market', records);
  const t0 = Date.now();
  const summary = await importFile({ file, submit, batchSize: IMPORT_WINDOW, maxBatchSize: IMPORT_WINDOW });
  const importSeconds = (Date.now() - t0) / 1000;

  const db = connectDatabase(stack.config);
  const items: WriteRequest[] = [];
  for (let i = 0; i < total; i++) {
    const id = `raw-${runId}-${i}`;
    items.push({ PutRequest: { Item: { pk: { S: `SUBJ#RAW#${i % people}` }, sk: { S: `EVT#${id}` }, eventId: { S: id }, ruleId: { S: 'P-LAW-02' }, occurredAt: { S: new Date().toISOString() }, countsUntil: { S: new Date().toISOString() }, state: { S: 'recorded' } } } });
    items.push({ PutRequest: { Item: { pk: { S: `SRC#raw#${id}` }, sk: { S: 'SRC' }, eventId: { S: id } } } });
  }
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const t1 = Date.now();
  await mapLimit(batches, 16, async (batch) => {
    let pending = batch;
    while (pending.length > 0) {
      const res = await db.client.send(new BatchWriteItemCommand({ RequestItems: { [stack.config.tableName]: pending } }));
      pending = res.UnprocessedItems?.[stack.config.tableName] ?? [];
    }
  });
  const rawSeconds = (Date.now() - t1) / 1000;
  return {
    records: total,
    accepted: summary.accepted,
    importRps: total / importSeconds,
    importSeconds,
    rawRps: total / rawSeconds,
    rawSeconds,
    ratio: total / importSeconds / (total / rawSeconds),
  };
}
