/**
 * `npx tsx bench/importer.bench.ts [records]` (default BENCH_IMPORT_RECORDS or 100000): the bulk
 * importer beside a raw BatchWriteItem load of the same items at the same parallelism, on a fresh
 * in-memory DynamoDB Local; prints records/s and rewrites the importer's section of bench/RESULTS.md.
 */
import './support/env';
import os from 'node:os';
import { benchImport } from './import.bench';
import { replaceMarkedSection, runStandalone } from './support/standalone';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

runStandalone(async (stack) => {
  const total = Number(process.argv[2] ?? process.env.BENCH_IMPORT_RECORDS ?? 100_000);
  console.log(`importing ${total} records…`);
  const r = await benchImport(stack, total);
  console.log(`importer ${fmt(r.importRps)} records/s (${fmt(r.importSeconds, 1)} s, ${r.accepted} accepted); raw BatchWriteItem ${fmt(r.rawRps)} records/s (${fmt(r.rawSeconds, 1)} s); importer / raw ${fmt(r.ratio, 2)}`);
  const run = `${os.cpus().length} vCPU, Node ${process.version.split('.')[0]}, ${new Date().toISOString().slice(0, 10)}`;
  replaceMarkedSection('importer-throughput', [
    '## Bulk importer throughput (issue 15: at least half of a raw `BatchWriteItem` load)',
    '',
    '`npx tsx bench/importer.bench.ts` on a fresh in-memory DynamoDB Local: N generated records (ten per person, spread over',
    'the file) through `npm run import`\'s direct path, then the same items — one event and one source marker per record —',
    'as raw `BatchWriteItem` calls, both with 16 requests in flight.',
    '',
    '| records | importer records/s | importer s | raw BatchWriteItem records/s | raw s | importer / raw | run |',
    '|---|---|---|---|---|---|---|',
    `| ${fmt(r.records)} | ${fmt(r.importRps)} | ${fmt(r.importSeconds, 1)} | ${fmt(r.rawRps)} | ${fmt(r.rawSeconds, 1)} | ${fmt(r.ratio, 2)} | ${run} |`,
    '',
    'How: the importer takes the file in windows of 100,000 records, validates them and groups them by subject; it reads the',
    'records\' source markers in consistent BatchGets (a known record is a duplicate), writes the new events with their markers',
    'in BatchWriteItem calls (event ids derived from department and sourceId, so a resumed run rewrites the same items), and then',
    'writes each subject\'s projection once per window over the version read: a conditional PutItem, or a transaction with the',
    'dashboard\'s STAT item for a counted resident. The API path keeps one transaction per subject and call.',
    'Exactness: test/integration/credit/importer-exactness.test.ts (every record stored once, projections equal a recompute).',
  ]);
});
