import { spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { leftoverProcesses, startDynamoLocal } from '../../../functions/local/dynamodb-local';
import { freePort } from '../../../functions/local/ports';

const root = path.resolve(__dirname, '../../..');
const tsxCli = require.resolve('tsx/cli');

/**
 * Runs `npm start`'s entry point with the given environment and collects what it prints, until it
 * exits — or, with `stopWhenReady`, until its ready line, when it is stopped with Ctrl-C.
 */
function start(env: Record<string, string>, opts: { stopWhenReady?: boolean } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'functions/local/start.ts'], { cwd: root, env: { ...env, SKIP_H5_BUILD: '1', HOME: process.env.HOME ?? '/tmp' } });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within 120 s:\n${output}`));
    }, 120_000);
    const onData = (b: Buffer) => {
      output += b;
      if (opts.stopWhenReady && output.includes('诚信管城 is ready')) child.kill('SIGINT');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm start', () => {
  it('stops a DynamoDB Local that an earlier, killed npm start left on the same data directory', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-leftover-'));
    const dbPort = await freePort();
    // What SIGKILL leaves behind: DynamoDB Local still serving this data directory on its port.
    const orphan = await startDynamoLocal({ port: dbPort, dataDir: path.join(dataDir, 'dynamodb') });
    try {
      expect(leftoverProcesses(path.join(dataDir, 'dynamodb'))).toHaveLength(1);
      const { code, output } = await start({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir, DYNAMODB_PORT: String(dbPort), API_PORT: String(await freePort()), WEB_PORT: String(await freePort()) }, { stopWhenReady: true });
      expect(output).toContain('Stopped the DynamoDB Local an earlier npm start left running on this data directory');
      expect(output).toContain('诚信管城 is ready');
      expect(code).toBe(0);
      expect(leftoverProcesses(path.join(dataDir, 'dynamodb'))).toEqual([]);
    } finally {
      await orphan.stop();
    }
  }, 180_000);

  it('says how to install Java when there is none, instead of a stack trace', async () => {
    const ports = { API_PORT: String(await freePort()), WEB_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()) };
    // A PATH that holds node and nothing else: no java to be found.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'cxgc-nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const { code, output } = await start({ PATH: bin, ...ports });
    expect(code).toBe(1);
    expect(output).toContain('DynamoDB Local needs a Java runtime');
    expect(output).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  }, 90_000);

  it('names the port that is already in use and how to choose another', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      const { code, output } = await start({ PATH: process.env.PATH ?? '', API_PORT: String(port), WEB_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} (API) is already in use`);
      expect(output).toContain('API_PORT=<port>');
    } finally {
      blocker.close();
    }
  }, 90_000);
});
