import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds the client for the tests, at most once per target and API address in a jest run.
 * Jest runs every project's global setup in the same parent process before any test: the e2e
 * project (H5 + weapp) and the weapp project both need `client/dist/weapp`, and building it twice
 * would only cost time (or, built while another project reads it, break that project's files).
 * The flag lives on the process (globalThis), not in this module, so it holds however each global
 * setup happens to load this file.
 */
const ROOT = path.resolve(__dirname, '../..');
const BUILT = Symbol.for('cxgc.test.clientBuilds');

export type ClientTarget = 'h5' | 'weapp';

/** The API address the weapp build carries in every test run (the tests rewrite it to the local API). */
export const TEST_WEAPP_API_BASE = 'https://api.cxgc.example.com';

function builds(): Set<string> {
  const g = globalThis as { [BUILT]?: Set<string> };
  g[BUILT] ??= new Set<string>();
  return g[BUILT];
}

/** `taro build --type <target>` with NODE_ENV=production, unless this run already built it with the same API address. */
export function buildClientOnce(type: ClientTarget, apiBase: string): void {
  const key = `${type} ${apiBase}`;
  if (builds().has(key)) return;
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: path.join(ROOT, 'client'),
    // From scratch, as CI and a deployment build: a webpack cache left by an earlier build with other
    // node_modules once produced a weapp bundle missing a module.
    env: { ...process.env, API_BASE_URL: apiBase, NODE_ENV: 'production', TARO_BUILD_CACHE: 'off' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`The ${type} build for the tests failed:\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`);
  }
  // Another build of the same target (other API address) replaced the output: forget it.
  for (const k of builds()) if (k.startsWith(`${type} `)) builds().delete(k);
  builds().add(key);
}
