/**
 * Round trips on the hot paths: for each hot request, the DynamoDB calls and sequential waves of
 * calls one request makes on a warm instance, beside the targets. Run alone with
 * `npx tsx bench/round-trips.bench.ts`, or as part of `npm run bench`.
 */
import './support/env';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { hotRequests, measureRoundTrips, type RoundTrip } from './support/round-trips';
import { startBenchStack, type BenchStack } from './support/stack';

export async function benchRoundTrips(stack: BenchStack, options: { capacity?: boolean } = {}): Promise<RoundTrip[]> {
  const requests = await hotRequests(stack.baseUrl, stack.deps, stack.config.idHashPepper);
  return measureRoundTrips(connectDatabase(stack.config).client, requests, options);
}

/** Calls / waves of the same requests before this work (recorded 2026-12-07 with the same middleware), for comparison. */
const BEFORE: Record<string, string> = {
  points: '3 / 2',
  incentives: '6 / 3',
  pass: '8 / 5',
  redemption: '8 / 5',
  marketplace: '8 / 4',
  eligibility: '8 / 4',
  application: '11 / 7',
};

export function roundTripsSection(rows: RoundTrip[], run: string): string[] {
  return [
    '## Round trips',
    '',
    'DynamoDB calls and sequential waves of calls of one request on a warm Lambda instance (its catalogue cache filled by an',
    'earlier request), recorded by a middleware on the DynamoDB client; calls that overlap in time form one wave. The session',
    'confirmation (account, organisation, sign-out marker and the catalogue versions in one consistent BatchGetItem) is one of',
    'the calls and runs beside the handler\'s first reads: it adds no wave. test/integration/system/round-trips.test.ts keeps',
    'these counts from growing back.',
    '',
    '| request | calls | sequential waves | before (calls / waves) | target | verdict | operations | run |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${r.calls} | ${r.waves} | ${BEFORE[r.key] ?? '—'} | ${r.target ?? '—'} | ${r.maxWaves === undefined ? '—' : r.waves <= r.maxWaves ? '✅ met' : '❌ not met'} | ${r.ops} | ${run} |`),
    '',
  ];
}

if (require.main === module) {
  (async () => {
    const stack = await startBenchStack();
    try {
      const rows = await benchRoundTrips(stack, { capacity: true });
      console.log(roundTripsSection(rows, new Date().toISOString().slice(0, 10)).join('\n'));
      for (const r of rows) console.log(r.label, JSON.stringify(r.recorded.map((o) => [o.command.replace('Command', ''), Math.round(o.start), Math.round(o.end), o.consumed])));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
