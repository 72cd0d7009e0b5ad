/**
 * Cold start as a ratio: absolute times do not hold from one machine or day to the next, so each
 * sample is a pair measured back to back — a bare `node -e 0` and a fresh Node process that loads
 * the bundled Lambda handler and answers its first API Gateway v2 request — and the result is the
 * median of the pairs' ratios (wall time of the whole process, spawn to exit, on both sides).
 * The handler is the serverless package's `functions/handler.js` when `npm run bench` built one,
 * else an esbuild bundle made with serverless.yml's esbuild options (buildBundle below).
 * Run alone with `npx tsx bench/cold-start.bench.ts` (starts its own DynamoDB Local; rewrites only its section of
 * bench/RESULTS.md), or as part of `npm run bench` (on the serverless package's handler).
 */
import './support/env';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { TokenService } from '../functions/shared/auth/tokens';
import { parseConfig } from '../functions/shared/config/config';
import { replaceSection } from './support/results-file';

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
  /** The same pairs in CPU time (user + system, read by each process as it exits): what a busy machine does not inflate. */
  bareCpuMs: number;
  handlerCpuMs: number;
  cpuRatio: number;
}

/**
 * The libraries every request of the bundled handler needs before any code of ours runs — Express,
 * serverless-http, the DynamoDB client, zod, jose, the Powertools logger — bundled alone the same
 * way: the floor under the handler's cold start (measured beside it as "libraries only").
 */
export async function buildLibraryFloor(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-floor-'));
  const entry = path.join(dir, 'floor.js');
  writeFileSync(entry, ["require('express');", "require('serverless-http');", "require('@aws-sdk/client-dynamodb');", "require('zod');", "require('jose');", "require('@aws-lambda-powertools/logger');"].join('\n'));
  const outfile = path.join(dir, 'floor.bundle.js');
  await build({ entryPoints: [entry], bundle: true, minify: true, target: 'node22', platform: 'node', format: 'cjs', outfile, nodePaths: [path.join(root, 'node_modules')], alias: serverlessAliases(), logLevel: 'error' });
  return outfile;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs one process; its wall time (spawn to exit) and the CPU time it reports on stdout as it exits. */
function run(args: string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`cold start run failed (${r.status}): ${r.stderr || r.stdout}`);
  return { wall, cpu: Number(r.stdout) };
}

const CPU = `const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1000))`;

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
  const script = req.path
    ? `require(${JSON.stringify(handlerJs)}).handler(${JSON.stringify(event)},{awsRequestId:'cold'}).then((r)=>{if(r.statusCode!==200)process.exit(3);${CPU};process.exit(0)},()=>process.exit(4))`
    : `require(${JSON.stringify(handlerJs)});${CPU}`;
  const bare: Array<{ wall: number; cpu: number }> = [];
  const loaded: Array<{ wall: number; cpu: number }> = [];
  // One unmeasured round warms the file cache for both sides.
  run(['-e', CPU], env);
  run(['-e', script], env);
  for (let i = 0; i < pairs; i++) {
    bare.push(run(['-e', CPU], env));
    loaded.push(run(['-e', script], env));
  }
  return {
    label: req.label,
    pairs,
    bareMs: median(bare.map((b) => b.wall)),
    handlerMs: median(loaded.map((h) => h.wall)),
    ratio: median(loaded.map((h, i) => h.wall / bare[i].wall)),
    bareCpuMs: median(bare.map((b) => b.cpu)),
    handlerCpuMs: median(loaded.map((h) => h.cpu)),
    cpuRatio: median(loaded.map((h, i) => h.cpu / bare[i].cpu)),
  };
}

/** `path: ''` loads the file only (the library floor). */
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
    'API Gateway v2 request against this database; the ratio is the median of the pairs\' ratios, so a busy or slow machine',
    'slows both sides alike. Wall time is spawn to exit; CPU time is user + system as each process reports it when it exits',
    '(what a machine busy with other work does not inflate). Target: ≤ 2.5×. The last row bundles only the libraries any',
    'request needs before our code runs (Express, serverless-http, the DynamoDB client, zod, jose, the Powertools logger) and',
    'loads them: the floor under the handler.',
    '',
    '| first request | pairs | bare ms | handler ms | wall ratio | bare CPU ms | handler CPU ms | CPU ratio | target ≤ 2.5× | run |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.label} | ${r.pairs} | ${fmt(r.bareMs)} | ${fmt(r.handlerMs)} | ${fmt(r.ratio, 2)}× | ${fmt(r.bareCpuMs)} | ${fmt(r.handlerCpuMs)} | ${fmt(r.cpuRatio, 2)}× | ${r.ratio <= 2.5 ? '✅ met' : '❌ not met'} | ${run} |`),
    '',
  ];
}

/** Every cold-start row: the handler with each first request, and the library floor. */
export async function coldStartRows(handlerJs: string, endpoint: string, tableName: string, pairs = Number(process.env.BENCH_PAIRS ?? 15)): Promise<ColdRow[]> {
  const rows: ColdRow[] = [];
  for (const req of COLD_REQUESTS) rows.push(await coldStartRatio(handlerJs, endpoint, tableName, req, pairs));
  rows.push(await coldStartRatio(await buildLibraryFloor(), endpoint, tableName, { label: 'libraries only (the floor: load, no request)', path: '' }, pairs));
  return rows;
}

if (require.main === module) {
  (async () => {
    const { startBenchStack } = await import('./support/stack');
    const stack = await startBenchStack();
    try {
      const handler = process.env.BENCH_HANDLER ?? (await buildBundle());
      const rows = await coldStartRows(handler, stack.config.dynamodbEndpoint!, stack.config.tableName);
      const section = coldSection(rows, process.env.BENCH_HANDLER ? `\`${process.env.BENCH_HANDLER}\`` : 'an esbuild bundle of `functions/handler.ts` made with serverless.yml\'s esbuild options', `${os.cpus().length} vCPU, Node ${process.version.split('.')[0]}, ${new Date().toISOString().slice(0, 10)}`);
      // Only this section of bench/RESULTS.md is rewritten.
      replaceSection(section);
      console.log(section.join('\n'));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
