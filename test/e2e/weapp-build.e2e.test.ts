import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The mini program as built for WeChat (client/dist/weapp, made once by the e2e global setup,
 * support/build-h5.ts, with an https API_BASE_URL): what WeChat requires of it beyond the size
 * budgets checked in budgets.e2e.test.ts.
 */
const root = path.resolve(__dirname, '../..');
const client = path.join(root, 'client');

/** Runs `taro build --type weapp` with the given API base; the config refuses a bad one before compiling. */
function buildWeapp(apiBase: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.API_BASE_URL;
  if (apiBase !== undefined) env.API_BASE_URL = apiBase;
  return spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: client,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('the API address of the weapp build', () => {
  it('refuses to build the mini program without an https API_BASE_URL, saying why', () => {
    const missing = buildWeapp(undefined);
    expect(missing.status).not.toBe(0);
    expect(`${missing.stdout}${missing.stderr}`).toContain('API_BASE_URL is required for the mini program (weapp) build');

    const plain = buildWeapp('http://api.example.cn');
    expect(plain.status).not.toBe(0);
    expect(`${plain.stdout}${plain.stderr}`).toContain('API_BASE_URL must be an https:// address');
  });
});
