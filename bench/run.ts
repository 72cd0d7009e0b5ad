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
import { benchSession, sessionSection } from './session.bench';
import { benchSizes, packagedHandler } from './sizes.bench';
import { coldSection, coldStartRows, type ColdRow } from './cold-start.bench';
import { measureCosts, measureCounters, monthlyBill, PROFILE, writeCostReport } from './cost';
import { roundTripsSection } from './round-trips.bench';
import type { RoundTrip } from './support/round-trips';
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

/** The targets against this run's numbers, each marked met or not, with what blocks it. */
function targetsSection(hot: Array<{ label: string; connections: number; ratio: number; p99: number; rawP99: number }>, cold: ColdRow[], trips: RoundTrip[], billUsd: number, run: string): string[] {
  const mark = (ok: boolean) => (ok ? '✅ met' : '❌ not met');
  const out = ['## Targets', '', '| target | row | connections | measured | raw operations alone | verdict | run |', '|---|---|---|---|---|---|---|'];
  for (const h of hot) out.push(`| API ≥ 50 % of raw throughput | ${h.label} | ${h.connections} | ${fmt(h.ratio * 100)} % | — | ${mark(h.ratio >= 0.5)} | ${run} |`);
  for (const h of hot.filter((x) => x.connections === 32)) {
    const blocked = h.rawP99 > 50;
    out.push(`| p99 ≤ 50 ms at 32 connections | ${h.label} | 32 | ${fmt(h.p99, 1)} ms | p99 ${fmt(h.rawP99, 1)} ms | ${h.p99 <= 50 ? '✅ met' : blocked ? '❌ blocked: the raw operations alone exceed 50 ms here' : '❌ not met'} | ${run} |`);
  }
  for (const t of trips.filter((x) => x.maxWaves !== undefined)) out.push(`| sequential DynamoDB waves ${t.target} | ${t.label} | 1 | ${t.waves} (${t.calls} calls) | — | ${mark(t.waves <= t.maxWaves!)} | ${run} |`);
  out.push(`| monthly bill ≤ USD 30 | the district profile (bench/COST.md) | — | USD ${fmt(billUsd, 2)} | — | ${mark(billUsd <= 30)} | ${run} |`);
  for (const c of cold.filter((x) => !x.label.startsWith('libraries'))) out.push(`| bundled cold start ≤ 2.5 × a bare \`node -e 0\` | load + ${c.label} | 1 | ${fmt(c.ratio, 2)}× (CPU ${fmt(c.cpuRatio, 2)}×) | libraries alone ${fmt(cold.find((x) => x.label.startsWith('libraries'))?.ratio ?? 0, 2)}× | ${c.ratio <= 2.5 ? '✅ met' : '❌ not met: the libraries alone take most of it (see Cold start)'} | ${run} |`);
  out.push('');
  out.push(
    'What blocks p99 ≤ 50 ms at 32 connections on this machine: DynamoDB Local (a Java process on SQLite) shares two cores',
    'with the API and with the load generator, and serialises much of its work; the raw column shows that the same DynamoDB',
    'operations, sent without the application, already have a p99 above 50 ms at 32 connections. At 1 connection every hot',
    'endpoint answers well inside 50 ms at p99. In AWS, DynamoDB answers single-digit-millisecond reads and writes and each',
    'Lambda instance serves one request at a time, so the application\'s own share (the ratio above) is what remains.',
    'README, section 性能与可靠性, summarises these numbers and how they were reached.',
  );
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

  // Every hot-endpoint row, for the targets table at the end.
  const hot: Array<{ label: string; connections: number; ratio: number; p99: number; rawP99: number }> = [];
  let cold: ColdRow[] = [];
  let trips: RoundTrip[] = [];
  let billUsd = Number.NaN;
  const stack = await startBenchStack();
  try {
    console.log('points read…');
    const rows = await benchPointsRead(stack, seconds * 1000);
    lines.push('## `GET /api/points/me` — constant cost, however long the history', '');
    lines.push('| resident | connections | API req/s | API p50 ms | API p99 ms | raw ops req/s (2 × GetItem) | raw p99 ms | API / raw | run |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      lines.push(`| ${r.label} | ${r.connections} | ${fmt(r.api.rps)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${fmt(r.raw.rps)} | ${fmt(r.raw.p99, 1)} | ${fmt(r.api.rps / r.raw.rps, 2)} | ${run} |`);
      hot.push({ label: `GET /api/points/me (${r.label})`, connections: r.connections, ratio: r.api.rps / r.raw.rps, p99: r.api.p99, rawP99: r.raw.p99 });
      console.log(r.label, r.connections, Math.round(r.api.rps), 'req/s', r.api.p99.toFixed(1), 'ms p99; raw', Math.round(r.raw.rps));
    }
    lines.push('');

    console.log('redemptions…');
    const redemptions = await benchRedemptions(stack, Number(process.env.BENCH_REDEMPTIONS ?? 600));
    lines.push('## `POST /api/redemptions` — each request redeems a fresh pass', '');
    lines.push('| connections | API redemptions/s | API p50 ms | API p99 ms | raw ops/s (5 GetItem + Query + BatchGet + 6-item transaction) | raw p99 ms | API / raw | run |', '|---|---|---|---|---|---|---|---|');
    for (const r of redemptions) {
      lines.push(`| ${r.connections} | ${fmt(r.api.rps)} | ${fmt(r.api.p50, 1)} | ${fmt(r.api.p99, 1)} | ${fmt(r.raw.rps)} | ${fmt(r.raw.p99, 1)} | ${fmt(r.api.rps / r.raw.rps, 2)} | ${run} |`);
      hot.push({ label: 'POST /api/redemptions', connections: r.connections, ratio: r.api.rps / r.raw.rps, p99: r.api.p99, rawP99: r.raw.p99 });
      console.log('redemptions', r.connections, Math.round(r.api.rps), 'rps', r.api.p99.toFixed(1), 'ms p99, errors', r.api.errors, '; raw', Math.round(r.raw.rps));
    }
    lines.push('');

    console.log('eligibility…');
    const elig = await benchEligibility(stack, seconds * 1000);
    for (const r of elig) hot.push({ label: r.label, connections: r.connections, ratio: r.api.rps / r.raw.rps, p99: r.api.p99, rawP99: r.raw.p99 });
    lines.push('## 信易贷 eligibility for one business (华信)', '', ...endpointTable(elig, run), '');

    console.log('other hot endpoints…');
    const endpoints = await benchEndpoints(stack, seconds * 1000);
    for (const r of endpoints) hot.push({ label: r.label, connections: r.connections, ratio: r.api.rps / r.raw.rps, p99: r.api.p99, rawP99: r.raw.p99 });
    lines.push('## 信易+ list, pass issue and loan application submit', '', ...endpointTable(endpoints, run), '');
    lines.push(
      'The raw operations of these rows are recorded, not hand-written: a middleware on the DynamoDB client records the commands one',
      'request sends; the raw load replays them with the SDK (reads as recorded, writes on fresh keys, overlapping commands together).',
      '',
    );

    console.log('session confirmation…');
    lines.push(...sessionSection(await benchSession(stack, seconds * 1000), run));

    console.log('round trips and cost…');
    const measured = await measureCosts(stack);
    trips = measured.trips;
    const counters = await measureCounters(stack, PROFILE.find((p) => p.key === 'redemption')!.perMonth);
    writeCostReport(measured.costs, counters, run);
    billUsd = monthlyBill(measured.costs, counters).totalUsd;
    lines.push(...roundTripsSection(trips, run));

    console.log('cold start…');
    cold = await coldStartRows(packagedHandler(), stack.config.dynamodbEndpoint!, stack.config.tableName);
    lines.push(...coldSection(cold, '`functions/handler.js` from the serverless package (`api.zip`)', run));

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
  lines.push(...targetsSection(hot, cold, trips, billUsd, run));
  writeFileSync(path.join(__dirname, 'RESULTS.md'), `${lines.join('\n')}\n`);
  console.log('wrote bench/RESULTS.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
