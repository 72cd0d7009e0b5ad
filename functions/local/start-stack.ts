/**
 * `npm start`: the whole product on one machine.
 * 1. Check Java and the ports; start DynamoDB Local with its data under `.data/` — unless
 *    DYNAMODB_ENDPOINT names a DynamoDB to use instead (none is started then).
 * 2. Meanwhile build the H5 app.
 * 3. Create the table if missing; seed the demo data in the local and test stages, or prepare a
 *    real stage the way `npm run bootstrap` does (both idempotent).
 * 4. Serve the API (the same Express app the Lambda wraps) and the H5 app with `/api` forwarded;
 *    feed the table's stream to the stream function and run the statistics job on a timer.
 * 5. On Ctrl-C stop everything that was started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from '../app';
import { buildDeps } from '../container';
import { demoUsers } from '../seed/demo-data';
import { bootstrapStage } from '../seed/bootstrap';
import { seedDemo } from '../seed/seed-demo';
import { refreshStats } from '../stats/refresh-stats';
import { parseConfig } from '../shared/config/config';
import { connectDatabase } from '../shared/db/dynamo';
import { ensureTable } from '../shared/db/ensure-table';
import { LocalSetupError, startDynamoLocal, stopLeftovers, type RunningDynamo } from './dynamodb-local';
import { assertPortFree } from './ports';
import { localRedemptionCounter } from './redemption-counter';
import { createWebServer } from './web-server';

const root = path.resolve(__dirname, '../..');
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1 || v > 65535) throw new LocalSetupError(`${name} must be a port number`);
  return v;
};

const cleanups: Array<() => Promise<void> | void> = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch {
        /* keep stopping the rest */
      }
    }
  }
  process.exit(code);
}

function buildH5(): Promise<void> {
  return new Promise((resolve, reject) => {
    const taro = path.join(root, 'node_modules/.bin/taro');
    const child: ChildProcess = spawn(taro, ['build', '--type', 'h5'], {
      cwd: path.join(root, 'client'),
      env: { ...process.env, API_BASE_URL: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout?.on('data', (b) => (log = (log + b).slice(-8000)));
    child.stderr?.on('data', (b) => (log = (log + b).slice(-8000)));
    cleanups.push(() => void child.kill('SIGTERM'));
    child.on('error', (e) => reject(new LocalSetupError(`Could not run the Taro build: ${e.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new LocalSetupError(`The H5 build failed:\n${log}`))));
  });
}

function listen(app: { listen: (port: number, host: string, cb: () => void) => Server }, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
  });
}

async function main() {
  const apiPort = num('API_PORT', 3000);
  const webPort = num('WEB_PORT', 10086);
  const dbPort = num('DYNAMODB_PORT', 8000);
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
  const skipBuild = process.env.SKIP_H5_BUILD === '1';

  const external = process.env.DYNAMODB_ENDPOINT;
  if (!external) {
    const leftovers = await stopLeftovers(path.join(dataDir, 'dynamodb'));
    if (leftovers.length > 0) console.log(`Stopped the DynamoDB Local an earlier npm start left running on this data directory (pid ${leftovers.join(', ')}).`);
  }
  await assertPortFree(apiPort, 'API', 'API_PORT');
  await assertPortFree(webPort, 'H5 app', 'WEB_PORT');
  if (!external) await assertPortFree(dbPort, 'DynamoDB Local', 'DYNAMODB_PORT');

  console.log(external ? `Using the DynamoDB at ${external}; building the H5 app…` : 'Starting DynamoDB Local and building the H5 app…');
  const building = skipBuild ? Promise.resolve() : buildH5();
  building.catch(() => undefined);
  let endpoint = external;
  if (!endpoint) {
    const dynamo: RunningDynamo = await startDynamoLocal({ port: dbPort, dataDir: path.join(dataDir, 'dynamodb') });
    cleanups.push(() => dynamo.stop());
    endpoint = dynamo.endpoint;
  }

  const config = parseConfig({ STAGE: 'local', ...process.env, DYNAMODB_ENDPOINT: endpoint });
  const db = connectDatabase(config);
  const table = await ensureTable(db.client, config.tableName, config.stage, true);
  const deps = await buildDeps(config);
  if (config.isLocalStage) {
    const seeded = await seedDemo(deps, config.idHashPepper);
    console.log(`Table ${config.tableName}: ${table}; demo data: ${seeded.created} created, ${seeded.kept} kept.`);
  } else {
    const boot = await bootstrapStage(deps, { invitationPepper: config.idHashPepper, adminInvitation: 'when-needed' });
    console.log(`Table ${config.tableName}: ${table}; stage ${config.stage} bootstrapped: ${boot.created.length} created, ${boot.kept} kept (no demo data).`);
    if (boot.adminInvitation) console.log(`ADMIN_INVITATION=${boot.adminInvitation.code}`);
  }

  await listen(createApp(deps), apiPort);
  // The table's stream function (redemptions per day): Lambda's event source mapping in AWS, a reader here.
  const counter = localRedemptionCounter(config, db.client);
  counter.start(1000, (e) => console.error('stream function failed (retried):', e instanceof Error ? e.message : e));
  cleanups.push(() => counter.stop());
  // The dashboard's statistics job: a scheduled Lambda in AWS, a timer here.
  const runStats = () => refreshStats(deps).catch((e) => console.error('statistics job failed:', e instanceof Error ? e.message : e));
  void runStats();
  const statsTimer = setInterval(runStats, 5 * 60 * 1000);
  cleanups.push(() => clearInterval(statsTimer));
  await building;
  await listen(createWebServer({ distDir: path.join(root, 'client/dist/h5'), apiPort }), webPort);

  console.log('');
  console.log(`  App (H5):  http://127.0.0.1:${webPort}`);
  console.log(`  API:       http://127.0.0.1:${apiPort}/api/health`);
  console.log(external ? `  Data:      the DynamoDB at ${external}` : `  Data:      ${path.relative(root, dataDir) || '.'}/ (DynamoDB Local on port ${dbPort})`);
  console.log('');
  if (config.isLocalStage) {
    console.log('  Demo identities (choose one on the sign-in page):');
    for (const u of demoUsers) console.log(`    ${u.id.padEnd(12)} ${u.roles.join(',').padEnd(11)} ${u.name}`);
  } else {
    console.log(`  Stage ${config.stage}: sign-in with WeChat only; staff join with invitations.`);
  }
  console.log('');
  console.log('诚信管城 is ready. Press Ctrl-C to stop.');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (e) => {
  if (e instanceof LocalSetupError) console.error(`\n${e.message}\n`);
  else console.error(e);
  await shutdown(1);
});
