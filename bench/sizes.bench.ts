import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import AdmZip from 'adm-zip';

/** Sizes that decide download and cold-start cost, and the bundled Lambda's cold start. */
const root = path.resolve(__dirname, '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function dirSize(dir: string, skip: (p: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (skip(p)) continue;
    total += entry.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}

let lastHandler: string | undefined;

/** The serverless package's `functions/handler.js`, unpacked by benchSizes. */
export function packagedHandler(): string {
  if (!lastHandler) throw new Error('benchSizes must run first');
  return lastHandler;
}

export async function benchSizes(): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  const pkgDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-bench-pkg-'));
  execFileSync(path.join(root, 'node_modules/.bin/serverless'), ['package', '--stage', 'bench', '--package', pkgDir], { cwd: root, stdio: 'ignore' });
  const zipPath = path.join(pkgDir, 'api.zip');
  rows.push(['Lambda `api.zip`', kb(statSync(zipPath).size)]);
  const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-bench-bundle-'));
  new AdmZip(zipPath).extractAllTo(bundleDir, true);
  const handlerJs = path.join(bundleDir, 'functions/handler.js');
  lastHandler = handlerJs;
  rows.push(['Lambda bundle `handler.js` (minified)', kb(statSync(handlerJs).size)]);
  const loads: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = spawnSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(handlerJs)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`], {
      env: { PATH: process.env.PATH, STAGE: 'test', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      encoding: 'utf8',
    });
    loads.push(Number(r.stdout));
  }
  loads.sort((a, b) => a - b);
  rows.push(['Lambda bundle load time (median of 10 fresh processes)', `${loads[5].toFixed(0)} ms`]);

  if (!existsSync(path.join(root, 'client/dist/h5/index.html'))) execFileSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'ignore' });
  const h5 = path.join(root, 'client/dist/h5');
  const html = readFileSync(path.join(h5, 'index.html'), 'utf8');
  const firstScreen = [...html.matchAll(/src="\/(js\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f: string) => gzipSync(readFileSync(path.join(h5, f))).length;
  rows.push(['H5 first-screen JavaScript (gzip, scripts in index.html)', kb(firstScreen.reduce((s, f) => s + gz(f), 0))]);
  const allJs = readdirSync(path.join(h5, 'js')).filter((f) => f.endsWith('.js'));
  rows.push(['H5 all JavaScript (gzip)', kb(allJs.reduce((s, f) => s + gz(`js/${f}`), 0))]);

  if (!existsSync(path.join(root, 'client/dist/weapp/app.json'))) execFileSync('npm', ['run', 'build:weapp'], { cwd: root, stdio: 'ignore', env: { ...process.env, API_BASE_URL: process.env.API_BASE_URL || 'https://api.example.cn' } });
  const weapp = path.join(root, 'client/dist/weapp');
  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const subRoots = (app.subPackages ?? []).map((s) => path.join(weapp, s.root));
  rows.push(['Mini program main package', kb(dirSize(weapp, (p) => subRoots.some((r) => p.startsWith(r))))]);
  for (const r of subRoots) rows.push([`Mini program subpackage \`${path.relative(weapp, r)}\``, kb(dirSize(r))]);
  return rows;
}
