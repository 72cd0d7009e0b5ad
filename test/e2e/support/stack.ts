import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { captureDatabase, saveCapture } from '../../support/privacy-run';

export const ROOT = path.resolve(__dirname, '../../..');
const READY_LINE = '诚信管城 is ready';

export interface RunningStack {
  webUrl: string;
  apiUrl: string;
  dbPort: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the stack printed so far (for failure messages). */
  output(): string;
  /** Ctrl-C, as a person stops `npm start`; resolves with the exit code (null if killed by a signal). */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Delete the data directory (after stop). */
  removeData(): void;
}

/** Distinct free ports on 127.0.0.1, held open together so the OS cannot hand out one twice. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

/**
 * Starts `functions/local/start.ts` exactly as `npm start` does, on free ports and with a fresh
 * data directory, and waits for its ready line. It serves the H5 app the e2e project's global
 * setup built once (`SKIP_H5_BUILD=1`), so parallel files never rebuild it under each other.
 */
export async function startStack(readyTimeoutMs = 200_000, extraEnv: Record<string, string> = {}): Promise<RunningStack> {
  const [apiPort, webPort, dbPort] = await freePorts(3);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-e2e-data-'));
  // The run's global setup points DYNAMODB_ENDPOINT and TABLE_NAME at the integration tests'
  // shared table; a stack inheriting them would write into it (张伟's points would move under
  // the integration tests). Each stack gets its own DynamoDB unless the caller names one.
  const { DYNAMODB_ENDPOINT: _endpoint, TABLE_NAME: _table, ...inherited } = process.env;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['functions/local/start.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      STAGE: 'local',
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      DYNAMODB_PORT: String(dbPort),
      DATA_DIR: dataDir,
      SKIP_H5_BUILD: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (s: string) => (log += s));
  child.stderr?.on('data', (s: string) => (log += s));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let captured = false;
  const stop = async (timeoutMs = 30_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    if (!captured) {
      // What this stack stored and printed, for the full-run privacy sweep (the data goes with it).
      captured = true;
      await captureDatabase(extraEnv.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${dbPort}`, `e2e-${apiPort}`);
      void exited.then(() => saveCapture(`stack-${apiPort}.log`, log));
    }
    child.kill('SIGINT');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
    const result = await Promise.race([exited, timer]);
    if (result === 'timeout') {
      child.kill('SIGKILL');
      throw new Error(`the stack did not stop within ${timeoutMs} ms of SIGINT\n${log.slice(-3000)}`);
    }
    return result;
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(5_000).catch(() => undefined);
      reject(new Error(`the stack was not ready within ${readyTimeoutMs} ms\n${log.slice(-4000)}`));
    }, readyTimeoutMs);
    const onData = () => {
      if (log.includes(READY_LINE)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`the stack exited (code ${code}) before it was ready\n${log.slice(-4000)}`));
    });
  });

  return {
    webUrl: `http://127.0.0.1:${webPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    dbPort,
    dataDir,
    child,
    output: () => log,
    stop,
    removeData: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Processes whose command line mentions the data directory: DynamoDB Local's java runs with it. */
export function processesUsing(dataDir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(dataDir))
    .map((line) => line.trim());
}

export function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
