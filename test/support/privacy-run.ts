import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDB, ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';

/**
 * What the whole test run leaves for the privacy sweep (test/integration/privacy/full-run-sweep):
 *   ids-<pid>.txt       every ID number a test made up (people.randomIdNumber and friends)
 *   logs-<pid>.jsonl    every log line the app wrote in the integration workers
 *   stack-*.log         everything an end-to-end stack printed
 *   db-*.json           a dump of a database that is gone by the end (e2e stacks, fault tests)
 *   planned.json        the test files of this run (written by test/support/sequencer.js)
 *   done.txt            the test files that have finished (written by test/support/run-reporter.js)
 * Each jest run has its own directory under test/artifacts/privacy-run/, made by the sequencer,
 * which passes it to the workers as CXGC_PRIVACY_RUN_DIR.
 */
export const RUN_DIR = process.env.CXGC_PRIVACY_RUN_DIR ?? path.resolve(__dirname, '../artifacts/privacy-run/outside-jest');

function ensureDir() {
  if (!existsSync(RUN_DIR)) mkdirSync(RUN_DIR, { recursive: true });
}

export function registerIdNumber(idNumber: string): void {
  ensureDir();
  appendFileSync(path.join(RUN_DIR, `ids-${process.pid}.txt`), `${idNumber}\n`);
}

export function registeredIdNumbers(): string[] {
  if (!existsSync(RUN_DIR)) return [];
  return readdirSync(RUN_DIR)
    .filter((f) => f.startsWith('ids-'))
    .flatMap((f) => readFileSync(path.join(RUN_DIR, f), 'utf8').split('\n'))
    .filter(Boolean);
}

export function saveCapture(name: string, text: string): void {
  ensureDir();
  writeFileSync(path.join(RUN_DIR, name.replace(/[^\w.-]/g, '_')), text);
}

/** Every capture file of a kind (`logs-`, `stack-`, `db-`), as [name, text]. */
export function captures(prefix: string): Array<[string, string]> {
  if (!existsSync(RUN_DIR)) return [];
  return readdirSync(RUN_DIR)
    .filter((f) => f.startsWith(prefix))
    .map((f) => [f, readFileSync(path.join(RUN_DIR, f), 'utf8')]);
}

/** Every item of every table of a DynamoDB Local, as JSON text (a test-only full scan). */
export async function dumpDatabase(endpoint: string): Promise<string> {
  const client = new DynamoDB({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    const out: unknown[] = [];
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    for (const TableName of TableNames) {
      let ExclusiveStartKey: Record<string, any> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName, ExclusiveStartKey }));
        out.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    return JSON.stringify(out);
  } finally {
    client.destroy();
  }
}

/** Dumps a database that will not outlive its test file, for the sweep; never throws. */
export async function captureDatabase(endpoint: string, label: string): Promise<void> {
  try {
    saveCapture(`db-${label}-${process.pid}-${Date.now()}.json`, await dumpDatabase(endpoint));
  } catch (e) {
    saveCapture(`db-${label}-${process.pid}-${Date.now()}.error`, String(e));
  }
}

const PATCHED = Symbol.for('cxgc.privacy-run.log-capture');

/**
 * Sends the app's JSON log lines (stdout and stderr) to logs-<pid>.jsonl instead of the terminal,
 * once per worker process; everything else still reaches the terminal.
 */
export function captureAppLogs(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const s = stream as NodeJS.WriteStream & { [PATCHED]?: boolean };
    if (s[PATCHED]) continue;
    const original = s.write.bind(s);
    s.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (text.startsWith('{') && text.includes('"level":')) {
        ensureDir();
        appendFileSync(path.join(RUN_DIR, `logs-${process.pid}.jsonl`), text.endsWith('\n') ? text : `${text}\n`);
        const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        cb?.();
        return true;
      }
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof s.write;
    s[PATCHED] = true;
  }
}
