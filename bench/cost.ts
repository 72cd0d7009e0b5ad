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
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { systemClock } from '../functions/shared/domain/clock';
import { countRedemptions } from '../functions/stats/count-redemptions';
import { RedemptionCountsRepository } from '../functions/stats/redemption-counts.repository';
import { recordOperations, type RecordedOp } from './support/record-ops';
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
  /** Bytes of lasting data the request adds (items written without a TTL, with their index copies). */
  storedBytes: number;
}

/** DynamoDB's size of a marshalled value: UTF-8 strings, numbers ≈ 1 byte per 2 digits + 1, containers 3 + their members. */
function valueBytes(v: Record<string, any>): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(String(v.N).replace(/^-/, '').length / 2) + 1;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.M !== undefined) return 3 + Object.entries(v.M as Record<string, Record<string, any>>).reduce((s, [k, x]) => s + Buffer.byteLength(k) + valueBytes(x), 0);
  if (v.L !== undefined) return 3 + (v.L as Array<Record<string, any>>).reduce((s, x) => s + 1 + valueBytes(x), 0);
  return Buffer.byteLength(JSON.stringify(v));
}

/**
 * Lasting bytes a request's writes add: each Put (alone or in a transaction) that creates an item
 * without a TTL, at its attributes' size plus DynamoDB's 100 bytes an item, once more for each
 * index copy.
 */
export function storedBytesOf(ops: RecordedOp[]): number {
  const puts: Array<{ Item: Record<string, Record<string, any>>; ConditionExpression?: string; ExpressionAttributeNames?: Record<string, string> }> = [];
  for (const op of ops) {
    if (op.command === 'PutItemCommand') puts.push(op.input);
    if (op.command === 'TransactWriteItemsCommand') for (const i of op.input.TransactItems) if (i.Put) puts.push(i.Put);
  }
  // A new item is a Put on condition that its key does not exist yet; other Puts replace an item (a projection).
  const creates = (p: (typeof puts)[number]) =>
    [...(p.ConditionExpression ?? '').matchAll(/attribute_not_exists\(([#\w]+)\)/g)].some((m) => (p.ExpressionAttributeNames?.[m[1]] ?? m[1]) === 'pk');
  return puts
    .filter((p) => creates(p) && p.Item.ttl === undefined)
    .map((p) => p.Item)
    .reduce((sum, item) => sum + (Object.entries(item).reduce((s, [k, v]) => s + Buffer.byteLength(k) + valueBytes(v), 0) + 100) * (1 + INDEX_KEYS.filter((k) => item[k] !== undefined).length), 0);
}

/** A DynamoDB round trip inside the region, as the duration model counts it (DynamoDB answers in single-digit milliseconds). */
export const DYNAMO_WAVE_MS = 10;

/**
 * Lambda gives a function CPU in proportion to its memory, one full vCPU at 1,769 MB (AWS Lambda
 * developer guide, "Configuring function memory"): CPU time measured on a full core here takes
 * this much longer there.
 */
export const cpuStretch = (memoryMb: number) => Math.max(1, 1769 / memoryMb);

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
    costs.push({ key: r.key, label: r.label, calls: trip.calls, waves: trip.waves, ...capacityOf(trip.recorded), ...t, durationMs: t.cpuMs * cpuStretch(memoryMb()) + trip.waves * DYNAMO_WAVE_MS, storedBytes: storedBytesOf(trip.recorded) });
  }
  return { costs, trips };
}

/** The counters function as serverless.yml declares it: its memory, batching window and batch size. */
export const COUNTERS = (() => {
  const yml = readFileSync(path.join(__dirname, '..', 'serverless.yml'), 'utf8');
  const block = /\n  counters:\n([\s\S]*?)\n  \S/.exec(yml)?.[1] ?? '';
  const num = (name: string) => {
    const m = new RegExp(`\\n\\s+${name}:\\s*(\\d+)`).exec(`\n${block}`);
    if (!m) throw new Error(`serverless.yml: the counters function has no ${name}`);
    return Number(m[1]);
  };
  return { memoryMb: num('memorySize'), windowSeconds: num('batchWindow'), maxBatch: num('batchSize') };
})();

export interface CountersCost {
  /** Redemptions a batch holds at the profile's average rate (the window fills before 1,000 arrive). */
  batch: number;
  wruPerBatch: number;
  cpuMsPerBatch: number;
  durationMsPerBatch: number;
}

/**
 * The counters function on one batch of the profile's size: the stream records of that many new
 * redemptions handed to the same use case the Lambda runs, its DynamoDB calls recorded with their
 * capacity, its CPU time measured (median of 9 batches).
 */
export async function measureCounters(stack: BenchStack, redemptionsPerMonth: number): Promise<CountersCost> {
  const perSecond = redemptionsPerMonth / (30 * 86_400);
  const batch = Math.max(1, Math.min(COUNTERS.maxBatch, Math.round(perSecond * COUNTERS.windowSeconds)));
  const client = connectDatabase(stack.config).client;
  const repository = new RedemptionCountsRepository(client, stack.config.tableName);
  let sequence = BigInt(Date.now()) * 1_000_000n;
  const records = (): DynamoDBRecord[] =>
    Array.from({ length: batch }, () => ({
      eventID: randomUUID(),
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: String(++sequence), NewImage: marshall({ entity: 'Redemption', redeemedAt: new Date().toISOString() }) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] },
    }));
  const run = (r: DynamoDBRecord[]) => countRedemptions({ redemptionCounts: repository, clock: systemClock }, r);
  const ops = await recordOperations(client, () => run(records()), { capacity: true });
  const cpu: number[] = [];
  for (let i = 0; i < 9; i++) {
    const r = records();
    const c = process.cpuUsage();
    await run(r);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuMsPerBatch = median(cpu);
  const waves = ops.length;
  return { batch, wruPerBatch: capacityOf(ops).wru, cpuMsPerBatch, durationMsPerBatch: cpuMsPerBatch * cpuStretch(COUNTERS.memoryMb) + waves * DYNAMO_WAVE_MS };
}

/** Monthly volumes of the district profile (650,000 residents). */
export const PROFILE: Array<{ label: string; perMonth: number; key: string; estimate?: string }> = [
  { label: 'points reads', perMonth: 3_000_000, key: 'points' },
  { label: 'passes (one per redemption)', perMonth: 1_000_000, key: 'pass' },
  { label: 'redemptions', perMonth: 1_000_000, key: 'redemption' },
  { label: 'loan applications', perMonth: 10_000, key: 'application' },
  { label: 'ingested records (one record a call: the dearest way)', perMonth: 100_000, key: 'ingestion' },
  { label: 'disclosures (estimated as one ingested record each: a disclosure writes its decision and, for a penalty, its credit record)', perMonth: 20_000, key: 'ingestion', estimate: 'estimate' },
];

const memoryMb = () => Number(/\n\s+memorySize:\s*(\d+)/.exec(readFileSync(path.join(__dirname, '..', 'serverless.yml'), 'utf8'))?.[1] ?? 1024);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The month's bill for the district profile: its lines (CNY), the total, and the total with every stand-in price doubled. */
export function monthlyBill(costs: RequestCost[], counters: CountersCost) {
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
  // The counters function: one invocation a batch of new redemptions (Lambda reads the stream for free).
  const redemptions = PROFILE.find((p) => p.key === 'redemption')!.perMonth;
  const batches = Math.ceil(redemptions / counters.batch);
  wru += batches * counters.wruPerBatch;
  requests += batches;
  gbSeconds += batches * (Math.ceil(counters.durationMsPerBatch) / 1000) * (COUNTERS.memoryMb / 1024);
  const apiRequests = requests - batches;
  // Storage: per resident an account, a projection, an ID owner marker, a WeChat identity and a consent (≈ 2.5 KB with keys and
  // index copies), and what the month's requests leave behind (redemptions, credit records, applications) as measured.
  const residentsGb = (650_000 * 2.5) / 1024 / 1024;
  const monthGb = PROFILE.reduce((sum, p) => sum + by.get(p.key)!.storedBytes * p.perMonth, 0) / 1024 ** 3;
  const storageGb = residentsGb + monthGb;
  lines.push({ what: `DynamoDB reads: ${fmt(rru / 1e6, 2)} M RRU`, cny: (rru / 1e6) * PRICES.dynamoReadCnyPerMillion.value, verified: PRICES.dynamoReadCnyPerMillion.verified });
  lines.push({ what: `DynamoDB writes: ${fmt(wru / 1e6, 2)} M WRU`, cny: (wru / 1e6) * PRICES.dynamoWriteCnyPerMillion.value, verified: true });
  lines.push({ what: `DynamoDB storage: ≈ ${fmt(storageGb, 1)} GB (650,000 residents' accounts and projections ${fmt(residentsGb, 1)} GB, the month's history ${fmt(monthGb, 2)} GB)`, cny: cny(storageGb * PRICES.dynamoStorageUsdPerGbMonth.value), verified: false });
  lines.push({ what: `Lambda requests: ${fmt(requests / 1e6, 2)} M (API and ${fmt(batches)} counters batches)`, cny: cny((requests / 1e6) * PRICES.lambdaUsdPerMillionRequests.value), verified: false });
  lines.push({ what: `Lambda duration: ${fmt(gbSeconds)} GB-s (arm64; API ${memoryMb()} MB, counters ${COUNTERS.memoryMb} MB)`, cny: cny(gbSeconds * PRICES.lambdaUsdPerGbSecondArm.value), verified: false });
  lines.push({ what: `API Gateway HTTP API: ${fmt(apiRequests / 1e6, 2)} M requests`, cny: cny((apiRequests / 1e6) * PRICES.httpApiUsdPerMillion.value), verified: false });
  const total = lines.reduce((s, l) => s + l.cny, 0);
  const doubled = lines.reduce((s, l) => s + (l.verified ? l.cny : 2 * l.cny), 0);
  return { lines, total, doubled, monthGb, totalUsd: total / PRICES.cnyPerUsd };
}

export function costReport(costs: RequestCost[], counters: CountersCost, run: string): string {
  const mem = memoryMb() / 1024;
  const by = new Map(costs.map((c) => [c.key, c]));
  const { lines, total, doubled, monthGb } = monthlyBill(costs, counters);
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
    `the app process spent per request (server and the local client's side; ${process.env.BENCH_COST_SAMPLES ?? 15} sequential requests), stretched by ${fmt(cpuStretch(memoryMb()), 2)} because`,
    `Lambda gives a ${memoryMb()} MB function ${fmt(memoryMb() / 1769, 2)} of a vCPU (a full one at 1,769 MB), plus ${DYNAMO_WAVE_MS} ms for each sequential wave of DynamoDB`,
    `calls (DynamoDB answers in single-digit milliseconds), billed per started millisecond at the function's ${memoryMb()} MB. The local`,
    'wall time is shown beside it.',
    '',
    `| request | DynamoDB calls | waves | RRU | WRU | CPU ms | billed duration ms (CPU × ${fmt(cpuStretch(memoryMb()), 2)} + waves × ${DYNAMO_WAVE_MS}) | local wall ms | GB-s | lasting bytes |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...costs.map((c) => `| ${c.label} | ${c.calls} | ${c.waves} | ${fmt(c.rru, 1)} | ${fmt(c.wru, 1)} | ${fmt(c.cpuMs, 1)} | ${fmt(c.durationMs, 1)} | ${fmt(c.localMs, 1)} | ${fmt((Math.ceil(c.durationMs) / 1000) * mem, 4)} | ${fmt(c.storedBytes)} |`),
    '',
    'Lasting bytes: the items a request creates without a TTL, at DynamoDB\'s item size (attribute names and values, plus 100',
    'bytes an item), once more for each index copy (a projection it replaces adds nothing).',
    '',
    `The counters function (serverless.yml \`counters\`, ${COUNTERS.memoryMb} MB) counts new redemptions per day from the table's stream, in batches`,
    `gathered for up to ${COUNTERS.windowSeconds} s: at the profile's average rate a batch holds ${fmt(counters.batch)} redemptions. One such batch, measured: ${fmt(counters.wruPerBatch, 1)} WRU`,
    `(its marker and the day's counter, in one transaction), ${fmt(counters.cpuMsPerBatch, 1)} ms of CPU, billed ${fmt(counters.durationMsPerBatch, 1)} ms. Lambda's reads of the`,
    'stream are free.',
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
      .join(', then ')}. A redemption writes ${fmt(redemption.wru)} WRU in one transaction: the pass's redemption (created only if`,
    "the pass has none: that is what makes a pass single-use), its copy on the merchants' index, and the resident's quota",
    `counter (and, for a scenario with a stock, a stock shard), two units each: ${fmt((100 * (redemption.wru * 1_000_000 * PRICES.dynamoWriteCnyPerMillion.value) / 1e6) / total)} % of the bill.`,
    '',
    'What was done about it (a redemption wrote 12 units, counted honestly, at the start of this work; a signed-in read',
    'read one item more):',
    '- The redemption is the resident\'s access-log entry of the merchant\'s check: the log reads it from the resident\'s',
    '  redemptions instead of a second item written in the transaction (−2 WRU).',
    '- The dashboard\'s redemptions per day are counted from the table\'s stream by the counters function, one write a batch',
    '  instead of a counter item in every redemption\'s transaction (−2 WRU).',
    '- The redemption is keyed by its pass in the resident\'s partition: creating it makes the pass single-use, so the pass is',
    '  no longer updated in the transaction (−2 WRU); the merchant\'s list reads it on GSI1.',
    '- The sign-out marker is an attribute of the account item, which the session confirmation reads anyway (−1 RRU a',
    '  signed-in request); the read-only views read the projection eventually consistently (½ unit instead of 1).',
    '- Before that: the catalogues (rules, measures, scenarios, products) cached per instance and checked against one version',
    '  item read inside the session confirmation; hot reads straight through the SDK.',
    '',
    'What is left: the quota counter and the single-use record are the two facts a redemption must decide together, and the',
    'merchant\'s copy keeps the counter\'s list a read away; API Gateway cannot be dropped for Lambda function URLs: they are',
    'not offered in the China regions (docs.amazonaws.cn, Amazon Lambda: feature availability).',
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
    `History grows: every month of the profile adds ${fmt(monthGb, 2)} GB (redemptions with their merchants' index copy, credit records,`,
    `applications), ${fmt(monthGb * PRICES.dynamoStorageUsdPerGbMonth.value, 2)} USD a month more for each month kept: a year of it adds ${fmt(12 * monthGb * PRICES.dynamoStorageUsdPerGbMonth.value, 2)} USD a month, ${fmt(11 * monthGb * PRICES.dynamoStorageUsdPerGbMonth.value, 2)} more than`,
    'the first month above. How long redemption details are kept is the credit centre\'s retention decision (no rule fixes it).',
    '',
    'Not in the bill: the statistics job (every 15 minutes), data transfer out (small JSON answers), CloudWatch Logs, free tiers',
    '(in regions that publish one, the first 25 GB of DynamoDB storage are free), the counters function\'s failed-batch queue (used',
    'only when a batch fails 50 times) and its batch markers (kept two days).',
    '',
  ];
  return out.join('\n');
}

export function writeCostReport(costs: RequestCost[], counters: CountersCost, run: string): void {
  writeFileSync(path.join(__dirname, 'COST.md'), costReport(costs, counters, run));
}

if (require.main === module) {
  (async () => {
    const stack = await startBenchStack();
    try {
      const { costs, trips } = await measureCosts(stack);
      const counters = await measureCounters(stack, PROFILE.find((p) => p.key === 'redemption')!.perMonth);
      const run = `${os.cpus().length} vCPU, Node ${process.version.split('.')[0]}, ${new Date().toISOString().slice(0, 10)}`;
      writeCostReport(costs, counters, run);
      // The same recorded requests give bench/RESULTS.md its round-trip section (the rest of the file is left as it is).
      replaceSection(roundTripsSection(trips, run));
      console.log(costReport(costs, counters, run));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
