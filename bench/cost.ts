/**
 * `npm run bench:cost` (also part of `npm run bench`): writes bench/COST.md from measured figures, and
 * the "Round trips" section of bench/RESULTS.md from the same recorded requests.
 * 1. Every hot request is recorded once on a warm instance with `ReturnConsumedCapacity: TOTAL` on
 *    every DynamoDB call (a middleware on the client, bench/support/record-ops.ts): read and write
 *    request units per request type.
 * 2. Its duration is the median of sequential requests on the local stack (Express on DynamoDB
 *    Local): the Lambda duration, billed at the function's memory (serverless.yml).
 * 3. The district profile's monthly volumes times those figures, at the published on-demand prices
 *    of cn-northwest-1 (Ningxia) where this session found them, stand-ins marked where not.
 */
import './support/env';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectDatabase } from '../functions/shared/db/dynamo';
import type { RecordedOp } from './support/record-ops';
import { roundTripsSection } from './round-trips.bench';
import { replaceSection } from './support/results-file';
import { hotRequests, measureRoundTrips, type HotRequest, type RoundTrip } from './support/round-trips';
import { startBenchStack, type BenchStack } from './support/stack';

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'TransactGetItemsCommand']);

/**
 * Prices (CNY unless stated), with where each comes from. `verified: false` marks a stand-in: the
 * China price was not in the sources this run could read, so the US East price is used and the
 * bill is also shown with those lines doubled.
 */
export const PRICES = {
  date: '2026-12-07',
  cnyPerUsd: 7.1,
  dynamoWriteCnyPerMillion: { value: 11.1538, verified: true, source: 'amazonaws.cn/en/dynamodb/pricing — on-demand, China (Beijing) and China (Ningxia): write requests ¥11.1538 per million write request units' },
  dynamoReadCnyPerMillion: { value: 11.1538 / 5, verified: false, source: 'same page; its read price was cut off in the copy read here: taken as one fifth of the write price (the read/write ratio of DynamoDB on-demand in every region)' },
  dynamoStorageUsdPerGbMonth: { value: 0.25, verified: false, source: 'US East price (aws.amazon.com/dynamodb/pricing/on-demand); the first 25 GB are free there' },
  lambdaUsdPerMillionRequests: { value: 0.2, verified: false, source: 'US East price (aws.amazon.com/lambda/pricing): the China price was not found' },
  lambdaUsdPerGbSecondArm: { value: 0.0000133334, verified: false, source: 'US East arm64 price (aws.amazon.com/lambda/pricing): the China price was not found' },
  httpApiUsdPerMillion: { value: 1.0, verified: false, source: 'US East HTTP API price, first 300 M a month (aws.amazon.com/api-gateway/pricing): the China price was not found' },
};

export interface RequestCost {
  key: string;
  label: string;
  rru: number;
  wru: number;
  calls: number;
  waves: number;
  /** Median wall time on the local stack (DynamoDB Local answers far slower than DynamoDB). */
  localMs: number;
  /** Median CPU time of the app process per request (server and the local client's side of the call). */
  cpuMs: number;
  /** What Lambda bills: CPU time plus one DynamoDB round trip per sequential wave. */
  durationMs: number;
}

/** A DynamoDB round trip inside the region, as the duration model counts it (DynamoDB answers in single-digit milliseconds). */
export const DYNAMO_WAVE_MS = 10;

/**
 * Capacity of one recorded request as DynamoDB bills it. DynamoDB Local's figures are taken, raised
 * where they fall below DynamoDB's billing rules: every key of a BatchGetItem costs at least half a
 * unit (a whole one strongly consistent), found or not (DynamoDB Local reports nothing for keys it
 * did not find), and every item of a transaction, and every index copy its Puts write, costs at least
 * two write units (transactionFloor).
 */
export function capacityOf(ops: RecordedOp[]): { rru: number; wru: number } {
  let rru = 0;
  let wru = 0;
  for (const op of ops) {
    const reported = (op.consumed ?? []).reduce((s, c) => s + (c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0)), 0);
    if (op.command === 'BatchGetItemCommand') {
      const floor = Object.values(op.input.RequestItems as Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>).reduce((s, r) => s + r.Keys.length * (r.ConsistentRead ? 1 : 0.5), 0);
      rru += Math.max(reported, floor);
    } else if (READS.has(op.command)) rru += reported;
    else if (op.command === 'TransactWriteItemsCommand') wru += Math.max(reported, transactionFloor(op.input.TransactItems));
    else wru += reported;
  }
  return { rru, wru };
}

const INDEX_KEYS = ['gsi1pk', 'gsi2pk'];

/**
 * What a transaction costs at least: two write units for each item, and two more for each index
 * copy a Put writes (its item carries that index's key; the table's indexes project every
 * attribute). DynamoDB Local reports index writes for Puts but nothing at all for a transaction's
 * Updates, so its figure alone falls short. (No Update of ours sets or touches an indexed item.)
 */
export function transactionFloor(items: Array<Record<string, { Item?: Record<string, unknown> }>>): number {
  return items.reduce((s, i) => s + 2 * (1 + INDEX_KEYS.filter((k) => i.Put?.Item?.[k] !== undefined).length), 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall and CPU time of `n` sequential requests (the preparation of each is not timed). */
async function timings(r: HotRequest, n: number): Promise<{ localMs: number; cpuMs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const go = await r.prepare();
    const c = process.cpuUsage();
    const t = performance.now();
    const out = await go();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (out.status !== out.expected) throw new Error(`${r.label}: expected ${out.expected}, got ${out.status}`);
  }
  return { localMs: median(wall), cpuMs: median(cpu) };
}

export async function measureCosts(stack: BenchStack, samples = Number(process.env.BENCH_COST_SAMPLES ?? 15)): Promise<{ costs: RequestCost[]; trips: RoundTrip[] }> {
  const requests = await hotRequests(stack.baseUrl, stack.deps, stack.config.idHashPepper);
  const trips = await measureRoundTrips(connectDatabase(stack.config).client, requests, { capacity: true });
  const costs: RequestCost[] = [];
  for (const r of requests) {
    const trip = trips.find((t) => t.key === r.key)!;
    const t = await timings(r, samples);
    costs.push({ key: r.key, label: r.label, calls: trip.calls, waves: trip.waves, ...capacityOf(trip.recorded), ...t, durationMs: t.cpuMs + trip.waves * DYNAMO_WAVE_MS });
  }
  return { costs, trips };
}

/** Monthly volumes of the district profile (650,000 residents). */
const PROFILE: Array<{ label: string; perMonth: number; key: string; estimate?: string }> = [
  { label: 'points reads', perMonth: 3_000_000, key: 'points' },
  { label: 'passes (one per redemption)', perMonth: 1_000_000, key: 'pass' },
  { label: 'redemptions', perMonth: 1_000_000, key: 'redemption' },
  { label: 'loan applications', perMonth: 10_000, key: 'application' },
  { label: 'ingested records (one record a call: the dearest way)', perMonth: 100_000, key: 'ingestion' },
  { label: 'disclosures (estimated as one ingested record each: a disclosure writes its decision and, for a penalty, its credit record)', perMonth: 20_000, key: 'ingestion', estimate: 'estimate' },
];

const memoryMb = () => Number(/\n\s+memorySize:\s*(\d+)/.exec(readFileSync(path.join(__dirname, '..', 'serverless.yml'), 'utf8'))?.[1] ?? 1024);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function costReport(costs: RequestCost[], run: string): string {
  const mem = memoryMb() / 1024;
  const by = new Map(costs.map((c) => [c.key, c]));
  const cny = (usd: number) => usd * PRICES.cnyPerUsd;
  const lines: Array<{ what: string; cny: number; verified: boolean }> = [];
  let rru = 0;
  let wru = 0;
  let requests = 0;
  let gbSeconds = 0;
  for (const p of PROFILE) {
    const c = by.get(p.key)!;
    rru += c.rru * p.perMonth;
    wru += c.wru * p.perMonth;
    requests += p.perMonth;
    gbSeconds += (Math.ceil(c.durationMs) / 1000) * mem * p.perMonth;
  }
  // Storage: per resident an account, a projection, an ID owner marker, a WeChat identity and a consent (≈ 2.5 KB with keys and index copies).
  const storageGb = (650_000 * 2.5) / 1024 / 1024;
  lines.push({ what: `DynamoDB reads: ${fmt(rru / 1e6, 2)} M RRU`, cny: (rru / 1e6) * PRICES.dynamoReadCnyPerMillion.value, verified: PRICES.dynamoReadCnyPerMillion.verified });
  lines.push({ what: `DynamoDB writes: ${fmt(wru / 1e6, 2)} M WRU`, cny: (wru / 1e6) * PRICES.dynamoWriteCnyPerMillion.value, verified: true });
  lines.push({ what: `DynamoDB storage: ≈ ${fmt(storageGb, 1)} GB (650,000 residents' accounts and projections)`, cny: cny(storageGb * PRICES.dynamoStorageUsdPerGbMonth.value), verified: false });
  lines.push({ what: `Lambda requests: ${fmt(requests / 1e6, 2)} M`, cny: cny((requests / 1e6) * PRICES.lambdaUsdPerMillionRequests.value), verified: false });
  lines.push({ what: `Lambda duration: ${fmt(gbSeconds)} GB-s (arm64, ${memoryMb()} MB)`, cny: cny(gbSeconds * PRICES.lambdaUsdPerGbSecondArm.value), verified: false });
  lines.push({ what: `API Gateway HTTP API: ${fmt(requests / 1e6, 2)} M requests`, cny: cny((requests / 1e6) * PRICES.httpApiUsdPerMillion.value), verified: false });
  const total = lines.reduce((s, l) => s + l.cny, 0);
  const doubled = lines.reduce((s, l) => s + (l.verified ? l.cny : 2 * l.cny), 0);
  const usd = (c: number) => c / PRICES.cnyPerUsd;
  const sorted = [...lines].sort((a, b) => b.cny - a.cny);
  const redemption = by.get('redemption')!;
  const out = [
    '# Monthly cost for the district profile (generated)',
    '',
    `Generated by \`npm run bench:cost\` (bench/cost.ts; also run by \`npm run bench\`) on ${run}. Do not edit by hand.`,
    '',
    '## Per request (measured)',
    '',
    'Capacity: every DynamoDB call of one request on a warm instance, sent with `ReturnConsumedCapacity: TOTAL` (a middleware on',
    'the client), reads and writes summed, raised to DynamoDB\'s billing rules where DynamoDB Local reports less: each key of a',
    'BatchGetItem at least ½ unit (1 strongly consistent), found or not; each item of a transaction at least 2 write units, and',
    'each index copy a transaction\'s Put writes 2 more (DynamoDB Local leaves out a transaction\'s Updates).',
    `Duration: Lambda bills wall time, which on this machine is mostly DynamoDB Local's (a Java process far slower than`,
    `DynamoDB, sharing two cores with the rest). So the billed duration is modelled from what was measured: the median CPU time`,
    `the app process spent per request (server and the local client's side; ${process.env.BENCH_COST_SAMPLES ?? 15} sequential requests) plus ${DYNAMO_WAVE_MS} ms for each`,
    `sequential wave of DynamoDB calls (DynamoDB answers in single-digit milliseconds), billed per started millisecond at the`,
    `function's ${memoryMb()} MB. The local wall time is shown beside it.`,
    '',
    '| request | DynamoDB calls | waves | RRU | WRU | CPU ms | billed duration ms (CPU + waves × 10) | local wall ms | GB-s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...costs.map((c) => `| ${c.label} | ${c.calls} | ${c.waves} | ${fmt(c.rru, 1)} | ${fmt(c.wru, 1)} | ${fmt(c.cpuMs, 1)} | ${fmt(c.durationMs, 1)} | ${fmt(c.localMs, 1)} | ${fmt((Math.ceil(c.durationMs) / 1000) * mem, 4)} |`),
    '',
    '## The district profile, a month',
    '',
    '| volume | requests | uses the row |',
    '|---|---|---|',
    ...PROFILE.map((p) => `| ${p.label} | ${fmt(p.perMonth)} | ${by.get(p.key)!.label}${p.estimate ? ' (estimate: disclosures were not measured separately)' : ''} |`),
    '',
    '## Bill',
    '',
    '| line | CNY | USD | price |',
    '|---|---|---|---|',
    ...lines.map((l) => `| ${l.what} | ¥${fmt(l.cny, 2)} | $${fmt(usd(l.cny), 2)} | ${l.verified ? 'published Ningxia price' : 'stand-in (see prices)'} |`),
    `| **total** | **¥${fmt(total, 2)}** | **$${fmt(usd(total), 2)}** | target ≤ USD 30: ${usd(total) <= 30 ? '✅ met' : '❌ not met'} |`,
    `| total with every stand-in price doubled | ¥${fmt(doubled, 2)} | $${fmt(usd(doubled), 2)} | ${usd(doubled) <= 30 ? '✅ still under USD 30' : '❌ over USD 30'} |`,
    '',
    `What dominates: ${sorted
      .slice(0, 2)
      .map((l) => `${l.what.split(':')[0]} (${fmt((100 * l.cny) / total)} %)`)
      .join(', then ')}. A redemption writes ${fmt(redemption.wru)} WRU: one transaction marks the pass used, counts the`,
    "resident's quota (and the stock), writes the redemption, the resident's access-log entry and the day's counter, and each",
    `item of a transaction costs two units: ${fmt((100 * (redemption.wru * 1_000_000 * PRICES.dynamoWriteCnyPerMillion.value) / 1e6) / total)} % of the bill is that one transaction.`,
    '',
    'What was done about it: the catalogues (rules, measures, scenarios, products) are no longer queried on each request but',
    'cached in each instance and checked against one version item read inside the session confirmation (the points read,',
    'which needs no catalogue, leaves even that item out); the account is not read a second time beside the confirmation;',
    'a points read is the confirmation and one GetItem; hot reads go straight through the SDK.',
    '',
    'What it would take to go further: the redemption\'s day counter maintained from the table\'s stream instead of inside the',
    'transaction (−2 WRU a redemption, the statistics counters\' work), and the sign-out marker kept on the account item so the',
    'confirmation reads one item less (−1 RRU a signed-in request). API Gateway cannot be dropped for Lambda function URLs:',
    'they are not offered in the China regions (docs.amazonaws.cn, Amazon Lambda: feature availability).',
    '',
    '## Prices',
    '',
    `Read on ${PRICES.date}; converted at ${PRICES.cnyPerUsd} CNY per USD (assumed rate).`,
    '',
    '| price | value | source |',
    '|---|---|---|',
    `| DynamoDB on-demand writes | ¥${PRICES.dynamoWriteCnyPerMillion.value} per million WRU | ${PRICES.dynamoWriteCnyPerMillion.source} |`,
    `| DynamoDB on-demand reads | ¥${fmt(PRICES.dynamoReadCnyPerMillion.value, 4)} per million RRU | ${PRICES.dynamoReadCnyPerMillion.source} |`,
    `| DynamoDB storage | $${PRICES.dynamoStorageUsdPerGbMonth.value} per GB-month | ${PRICES.dynamoStorageUsdPerGbMonth.source} |`,
    `| Lambda requests | $${PRICES.lambdaUsdPerMillionRequests.value} per million | ${PRICES.lambdaUsdPerMillionRequests.source} |`,
    `| Lambda duration | $${PRICES.lambdaUsdPerGbSecondArm.value} per GB-s | ${PRICES.lambdaUsdPerGbSecondArm.source} |`,
    `| API Gateway HTTP API | $${PRICES.httpApiUsdPerMillion.value} per million | ${PRICES.httpApiUsdPerMillion.source} |`,
    '',
    'Not in the bill: the statistics job (every 15 minutes), data transfer out (small JSON answers), CloudWatch Logs, free tiers.',
    '',
  ];
  return out.join('\n');
}

export function writeCostReport(costs: RequestCost[], run: string): void {
  writeFileSync(path.join(__dirname, 'COST.md'), costReport(costs, run));
}

if (require.main === module) {
  (async () => {
    const stack = await startBenchStack();
    try {
      const { costs, trips } = await measureCosts(stack);
      const run = `${os.cpus().length} vCPU, Node ${process.version.split('.')[0]}, ${new Date().toISOString().slice(0, 10)}`;
      writeCostReport(costs, run);
      // The same recorded requests give bench/RESULTS.md its round-trip section (the rest of the file is left as it is).
      replaceSection(roundTripsSection(trips, run));
      console.log(costReport(costs, run));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
