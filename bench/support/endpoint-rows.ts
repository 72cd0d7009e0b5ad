import { connectDatabase } from '../../functions/shared/db/dynamo';
import type { BenchStack } from './stack';
import { runLoad, runOps, type LoadResult } from './load';
import { describeOps, recordOperations, replayer } from './record-ops';

/** One hot endpoint as a benchmark measures it: how to send it, and what a success looks like. */
export interface EndpointSpec {
  label: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  dynamicHeaders?: () => Record<string, string>;
  body?: () => string;
  expectStatus?: number;
}

export interface EndpointRow {
  label: string;
  connections: number;
  /** The DynamoDB commands one request performs, as recorded (e.g. "GetItem ×2, Query"). */
  ops: string;
  api: LoadResult;
  raw: LoadResult;
}

/**
 * Records the DynamoDB commands of one request to the endpoint, then, at each connection count,
 * loads the endpoint and replays the same commands raw for the same time (support/record-ops.ts).
 */
export async function endpointRows(stack: BenchStack, specs: EndpointSpec[], durationMs: number, connectionCounts = [1, 32]): Promise<EndpointRow[]> {
  const client = connectDatabase(stack.config).client;
  const prepared = [];
  for (const spec of specs) {
    const url = `${stack.baseUrl}${spec.path}`;
    const ops = await recordOperations(client, async () => {
      const payload = spec.body?.();
      const res = await fetch(url, { method: spec.method ?? 'GET', headers: { ...spec.headers, ...spec.dynamicHeaders?.(), ...(payload ? { 'content-type': 'application/json' } : {}) }, body: payload });
      await res.arrayBuffer();
      if (res.status !== (spec.expectStatus ?? 200)) throw new Error(`${spec.label}: expected ${spec.expectStatus ?? 200}, got ${res.status}`);
    });
    prepared.push({ spec, url, ops, replay: replayer(client, ops) });
  }
  // Warm-up, not measured: a cold JIT (ours and DynamoDB Local's) would otherwise pull down the
  // first row of a run well below the rows measured after it.
  for (const { spec, url, replay } of prepared) {
    await runLoad({ url, method: spec.method, headers: spec.headers, dynamicHeaders: spec.dynamicHeaders, body: spec.body, connections: 1, durationMs: Math.min(2000, durationMs), expectStatus: spec.expectStatus });
    await runOps(replay, { connections: 1, durationMs: Math.min(2000, durationMs) });
  }
  const rows: EndpointRow[] = [];
  for (const connections of connectionCounts) {
    for (const { spec, url, ops, replay } of prepared) {
      const api = await runLoad({ url, method: spec.method, headers: spec.headers, dynamicHeaders: spec.dynamicHeaders, body: spec.body, connections, durationMs, expectStatus: spec.expectStatus });
      const raw = await runOps(replay, { connections, durationMs });
      rows.push({ label: spec.label, connections, ops: describeOps(ops), api, raw });
    }
  }
  return rows;
}
