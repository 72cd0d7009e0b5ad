import http from 'node:http';

/** A small closed-loop load generator: `connections` keep-alive clients for `durationMs`. */
export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length, errors, rps: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export async function runLoad(opts: { url: string; method?: string; headers?: Record<string, string>; dynamicHeaders?: () => Record<string, string>; body?: () => string; connections: number; durationMs: number; expectStatus?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(opts.url);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + opts.durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const payload = opts.body?.();
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method: opts.method ?? 'GET', agent, headers: { ...opts.headers, ...opts.dynamicHeaders?.(), ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== (opts.expectStatus ?? 200)) errors++;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      if (payload) req.write(payload);
      req.end();
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < deadline) await once();
    }),
  );
  agent.destroy();
  return summarise(latencies, errors, (Date.now() - started) / 1000);
}

/** The same closed loop over an arbitrary async operation (raw DynamoDB calls). */
export async function runOps(op: () => Promise<unknown>, opts: { connections: number; durationMs: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + opts.durationMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await op();
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return summarise(latencies, errors, (Date.now() - started) / 1000);
}
