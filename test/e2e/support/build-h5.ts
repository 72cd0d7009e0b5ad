/**
 * Jest global setup of the e2e project: builds the H5 app once, exactly as `npm start` builds it.
 * Every e2e file starts its own stack (they run in parallel workers); if each stack built the app
 * itself, two Taro builds would write into the same `client/dist/h5` while another stack serves it.
 * The stacks therefore start with `SKIP_H5_BUILD=1` (see stack.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function build(type: 'h5' | 'weapp', apiBase: string): void {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: path.join(ROOT, 'client'),
    env: { ...process.env, API_BASE_URL: apiBase, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`The ${type} build for the e2e tests failed:\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`);
  }
}

/** Builds the H5 app (served by the stacks) and the mini program (checked by budgets.e2e.test.ts), one after the other. */
export default function buildH5Once(): void {
  build('h5', '');
  // The weapp build needs the deployed HTTPS API; a placeholder host is enough to check the package.
  build('weapp', 'https://api.cxgc.example.com');
}
