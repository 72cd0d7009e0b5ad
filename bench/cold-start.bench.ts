/**
 * Cold start as a ratio: absolute times do not hold from one machine or day to the next, so each
 * sample is a pair measured back to back — a bare `node -e 0` and a fresh Node process that loads
 * the bundled Lambda handler and answers its first API Gateway v2 request — and the result is the
 * median of the pairs' ratios (wall time of the whole process, spawn to exit, on both sides).
 * The handler is the serverless package's `functions/handler.js` when `npm run bench` built one,
 * else an esbuild bundle made with serverless.yml's esbuild options (buildBundle below).
 * Run alone with `npx tsx bench/cold-start.bench.ts` (starts its own DynamoDB Local).
 */
import './support/env';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { TokenService } from '../functions/shared/auth/tokens';
import { parseConfig } from '../functions/shared/config/config';

const root = path.resolve(__dirname, '..');

/** serverless.yml's `custom.esbuild` aliases, read from the file so the two cannot drift apart. */
function serverlessAliases(): Record<string, string> {
  const yml = readFileSync(path.join(root, 'serverless.yml'), 'utf8');
  const block = /\n\s+alias:\n((?:\s+(?:#.*|[\w@/.-]+: .+)\n)+)/.exec(yml)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/^\s+([\w@/.-]+): (\S+)\s*$/gm)) out[m[1]] = path.join(root, m[2]);
  return out;
}

/** The API handler bundled as serverless-esbuild bundles it (bundle, minify, node22, cjs, aliases). */
export async function buildBundle(): Promise<string> {
  const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxgc-cold-')), 'functions/handler.js');
  await build({ entryPoints: [path.join(root, 'functions/handler.ts')], bundle: true, minify: true, sourcemap: false, target: 'node22', platform: 'node', format: 'cjs', outfile, alias: serverlessAliases(), logLevel: 'error' });
  return outfile;
}

export interface ColdRequest {
  label: string;
  path: string;
  /** Sent as the bearer token; issued with the test stage's development secret. */
  userId?: string;
  roles?: Array<'resident' | 'enterprise' | 'merchant'>;
  orgId?: string;
}

export interface ColdRow {
  label: string;
  pairs: number;
  bareMs: number;
  handlerMs: number;
  ratio: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wall(args: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`cold start run failed (${r.status}): ${r.stderr || r.stdout}`);
  return ms;
}

/** N pairs (bare node, handler load + first request), interleaved; the median of the per-pair ratios. */
export async function coldStartRatio(handlerJs: string, endpoint: string, tableName: string, req: ColdRequest, pairs = 15): Promise<ColdRow> {
  const env = { PATH: process.env.PATH, STAGE: 'test', LOG_LEVEL: 'SILENT', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'cn-northwest-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const headers: Record<string, string> = { host: 'bench' };
  if (req.userId) {
    const c = parseConfig({ STAGE: 'test' });
    const tokens = new TokenService({ secret: c.jwtSecret, issuer: c.jwtIssuer, audience: c.jwtAudience, ttlSeconds: 3600 });
    headers.authorization = `Bearer ${(await tokens.issue({ userId: req.userId, roles: req.roles ?? ['resident'], ...(req.orgId ? { orgId: req.orgId } : {}) }, Math.floor(Date.now() / 1000))).token}`;
  }
  const event = { version: '2.0', routeKey: '$default', rawPath: req.path, rawQueryString: '', headers, requestContext: { http: { method: 'GET', path: req.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, requestId: 'cold', routeKey: '$default', stage: '$default' }, isBase64Encoded: false };
  const script = `require(${JSON.stringify(handlerJs)}).handler(${JSON.stringify(event)},{awsRequestId:'cold'}).then((r)=>process.exit(r.statusCode===200?0:3),()=>process.exit(4))`;
  const bare: number[] = [];
  const loaded: number[] = [];
  const ratios: number[] = [];
  // One unmeasured round warms the file cache for both sides.
  wall(['-e', '0'], env);
  wall(['-e', script], env);
  for (let i = 0; i < pairs; i++) {
    const b = wall(['-e', '0'], env);
    const h = wall(['-e', script], env);
    bare.push(b);
    loaded.push(h);
    ratios.push(h / b);
  }
  return { label: req.label, pairs, bareMs: median(bare), handlerMs: median(loaded), ratio: median(ratios) };
}

export const COLD_REQUESTS: ColdRequest[] = [
  { label: 'GET /api/health', path: '/api/health' },
  { label: 'GET /api/points/me (signed-in resident)', path: '/api/points/me', userId: 'res-zhang', roles: ['resident'] },
];

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function coldSection(rows: ColdRow[], handler: string, run: string): string[] {
  return [
    '## Cold start, as a ratio (bundled handler: load + first request, beside a bare `node -e 0`)',
    '',
    `Each pair runs a bare \`node -e 0\` and, right after it, a fresh Node process that loads ${handler} and answers one`,
    'API Gateway v2 request against this database (wall time of each process, spawn to exit); the ratio is the median of',
    'the pairs\' ratios, so a busy or slow machine slows both sides alike. Target: ≤ 2.5×.',
    '',
    '| first request | pairs | bare `node -e 0` ms (median) | handler load + first request ms (median) | ratio (median of pairs) | target ≤ 2.5× | run |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${r.pairs} | ${fmt(r.bareMs)} | ${fmt(r.handlerMs)} | ${fmt(r.ratio, 2)}× | ${r.ratio <= 2.5 ? '✅ met' : '❌ not met'} | ${run} |`),
    '',
  ];
}

if (require.main === module) {
  (async () => {
    const { startBenchStack } = await import('./support/stack');
    const stack = await startBenchStack();
    try {
      const handler = process.env.BENCH_HANDLER ?? (await buildBundle());
      const rows: ColdRow[] = [];
      for (const req of COLD_REQUESTS) rows.push(await coldStartRatio(handler, stack.config.dynamodbEndpoint!, stack.config.tableName, req, Number(process.env.BENCH_PAIRS ?? 15)));
      console.log(coldSection(rows, 'an esbuild bundle of functions/handler.ts', new Date().toISOString().slice(0, 10)).join('\n'));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
