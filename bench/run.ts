/**
 * `npm run bench`: runs the benchmarks against the local server (Express under app.listen on
 * DynamoDB Local) and rewrites bench/RESULTS.md. Numbers, not assertions: tests never time things.
 *   BENCH_IMPORT_RECORDS (default 100000)   BENCH_SECONDS per load step (default 5)
 */
import './support/env';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEligibility } from './eligibility.bench';
import { benchEndpoints } from './endpoints.bench';
import { benchImport } from './import.bench';
import { benchPointsRead } from './points-read.bench';
import { benchRedemptions } from './redemptions.bench';
import { benchSizes, coldStart } from './sizes.bench';
import type { EndpointRow } from './support/endpoint-rows';
import { startBenchStack } from './support/stack';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** One table for endpoints measured beside their recorded raw operations. */
function endpointTable(rows: EndpointRow[], run: string): string[] {
  const out = ['| request | connections | API req/s | API p50 ms | API p99 ms | errors | raw operations per request (recorded) | raw req/s | raw p99 ms | API / raw | run |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    out.push(`| ${r.label} | ${r.connections} | ${fmt(r.api.rps)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${r.api.errors} | ${r.ops} | ${fmt(r.raw.rps)} | ${fmt(r.raw.p99, 1)} | ${fmt(r.api.rps / r.raw.rps, 2)} | ${run} |`);
    console.log(r.label, r.connections, Math.round(r.api.rps), 'req/s', r.api.p99.toFixed(1), 'ms p99, errors', r.api.errors, '; raw', Math.round(r.raw.rps), `(${r.ops})`);
  }
  return out;
}

async function main() {
  const total = Number(process.env.BENCH_IMPORT_RECORDS ?? 100_000);
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execSync('java -version 2>&1 | head -1').toString().trim()}`;
  const date = new Date().toISOString().slice(0, 10);
  const run = `${os.cpus().length} vCPU, Node ${process.version.split('.')[0]}, ${date}`;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Machine: ${machine}. Date: ${date}. Reproduce with \`npm run bench\`.`,
    'The API runs as the Express app under `app.listen` on DynamoDB Local (in memory); the "raw" columns run the same',
    'DynamoDB operations directly with the SDK against the same database, so the ratio shows what the application adds.',
    '',
  ];

  console.log('sizes and cold start…');
  const sizes = await benchSizes();
  lines.push('## Sizes and cold start', '', '| what | value | run |', '|---|---|---|');
  for (const [k, v] of sizes) lines.push(`| ${k} | ${v} | ${run} |`);
  lines.push('');

  const stack = await startBenchStack();
  try {
    console.log('points read…');
    const rows = await benchPointsRead(stack, seconds * 1000);
    lines.push('## `GET /api/points/me` — constant cost, however long the history', '');
    lines.push('| resident | connections | API req/s | API p50 ms | API p99 ms | raw ops req/s (2 × GetItem) | raw p99 ms | API / raw | run |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      lines.push(`| ${r.label} | ${r.connections} | ${fmt(r.api.rps)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${fmt(r.raw.rps)} | ${fmt(r.raw.p99, 1)} | ${fmt(r.api.rps / r.raw.rps, 2)} | ${run} |`);
      console.log(r.label, r.connections, Math.round(r.api.rps), 'req/s', r.api.p99.toFixed(1), 'ms p99; raw', Math.round(r.raw.rps));
    }
    lines.push('');

    console.log('redemptions…');
    const redemptions = await benchRedemptions(stack, Number(process.env.BENCH_REDEMPTIONS ?? 600));
    lines.push('## `POST /api/redemptions` — each request redeems a fresh pass', '');
    lines.push('| connections | API redemptions/s | API p50 ms | API p99 ms | raw ops/s (5 GetItem + Query + BatchGet + 6-item transaction) | raw p99 ms | API / raw | run |', '|---|---|---|---|---|---|---|---|');
    for (const r of redemptions) {
      lines.push(`| ${r.connections} | ${fmt(r.api.rps)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${fmt(r.raw.rps)} | ${fmt(r.raw.p99, 1)} | ${fmt(r.api.rps / r.raw.rps, 2)} | ${run} |`);
      console.log('redemptions', r.connections, Math.round(r.api.rps), 'rps', r.api.p99.toFixed(1), 'ms p99, errors', r.api.errors, '; raw', Math.round(r.raw.rps));
    }
    lines.push('');

    console.log('eligibility…');
    const elig = await benchEligibility(stack, seconds * 1000);
    lines.push('## 信易贷 eligibility for one business (华信)', '', ...endpointTable(elig, run), '');

    console.log('other hot endpoints…');
    const endpoints = await benchEndpoints(stack, seconds * 1000);
    lines.push('## 信易+ list, pass issue and loan application submit', '', ...endpointTable(endpoints, run), '');
    lines.push(
      'The raw operations of these rows are recorded, not hand-written: a middleware on the DynamoDB client records the commands one',
      'request sends; the raw load replays them with the SDK (reads as recorded, writes on fresh keys, overlapping commands together).',
      '',
    );

    console.log('cold start…');
    lines.push('## Cold start of the bundled Lambda (load + first request)', '');
    lines.push(`Median of 10 fresh Node processes, each loading \`functions/handler.js\` from the zip and answering one API Gateway v2 \`GET /api/health\` against this database: **${fmt(await coldStart(stack.config.dynamodbEndpoint!, stack.config.tableName), 0)} ms**.`, '');

    console.log(`importing ${total} records…`);
    const imp = await benchImport(stack, total);
    lines.push('## Bulk import (`npm run import`) beside raw `BatchWriteItem`', '');
    lines.push('| records | importer records/s | importer s | raw BatchWriteItem records/s (event + marker) | raw s | importer / raw | run |', '|---|---|---|---|---|---|---|');
    lines.push(`| ${fmt(imp.records)} | ${fmt(imp.importRps)} | ${fmt(imp.importSeconds, 1)} | ${fmt(imp.rawRps)} | ${fmt(imp.rawSeconds, 1)} | ${fmt(imp.ratio, 2)} | ${run} |`);
    lines.push('', 'The importer validates every record, matches people by keyed hash, guards each record with a conditional', '(department, sourceId) marker and writes the subject\'s projection in the same transaction; the raw load does none of that.', '');
    console.log('import', imp);
  } finally {
    await stack.stop();
  }
  lines.push('How these numbers compare with the targets, and what limits them on this machine: README, section 性能与可靠性.');
  writeFileSync(path.join(__dirname, 'RESULTS.md'), `${lines.join('\n')}\n`);
  console.log('wrote bench/RESULTS.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
