import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { demoUsers } from '../../../functions/seed/demo-data';
import { captures, dumpDatabase, registeredIdNumbers, RUN_DIR } from '../../support/privacy-run';

/**
 * After the whole run (the sequencer puts this file last, and it waits for every other file the
 * run planned, on any number of workers): no ID number appears in plain text in any table or any
 * captured log line. Scanned:
 *   - every table of this run's DynamoDB Local, live;
 *   - the dumps of the databases that did not outlive their files (end-to-end stacks, fault tests);
 *   - every JSON log line the app wrote in the integration workers, and everything each end-to-end
 *     stack printed.
 * Looked for: every ID number of the demo seed and every one a test made up (registered by
 * test/support/people.ts), also without its check character; and anything shaped like an ID
 * number (region, plausible birth date, sequence) standing on its own, which catches ID numbers
 * no test registered and wrong-check-character ones too.
 */
const ID_SHAPED = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]?(?![0-9A-Za-z])/g;

function plannedOthers(): string[] {
  const file = path.join(RUN_DIR, 'planned.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as string[]).filter((p) => p !== __filename);
}

function finished(): Set<string> {
  const file = path.join(RUN_DIR, 'done.txt');
  return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
}

async function waitForTheRestOfTheRun(): Promise<void> {
  const planned = plannedOthers();
  for (;;) {
    const done = finished();
    if (planned.every((p) => done.has(p))) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Where in `text` a body (first 17 characters) of a known ID number occurs, via every 17-digit window of every digit run. */
function knownIdsIn(text: string, bodies: Set<string>): string[] {
  const found: string[] = [];
  for (const run of text.match(/\d{17,}/g) ?? []) {
    for (let i = 0; i + 17 <= run.length; i++) if (bodies.has(run.slice(i, i + 17))) found.push(`${run.slice(i, i + 6)}…`);
  }
  return found;
}

describe('privacy after the full test run', () => {
  it('finds no ID number in any table or captured log line of the whole run', async () => {
    await waitForTheRestOfTheRun();
    const known = [...demoUsers.flatMap((u) => (u.idNumber ? [u.idNumber] : [])), ...registeredIdNumbers()];
    const bodies = new Set(known.map((id) => id.slice(0, 17)));

    const sources: Array<[string, string]> = [
      ['live test database', await dumpDatabase(process.env.DYNAMODB_ENDPOINT!)],
      ...captures('db-'),
      ...captures('logs-'),
      ...captures('stack-'),
    ];
    const violations: string[] = [];
    for (const [name, text] of sources) {
      for (const hit of knownIdsIn(text, bodies)) violations.push(`${name}: a known ID number (${hit})`);
      for (const m of text.match(ID_SHAPED) ?? []) violations.push(`${name}: an ID-shaped number (${m.slice(0, 6)}…)`);
    }
    expect(violations).toEqual([]);

    // The sweep looked at something real: the seed's people, the log lines of this run's requests.
    expect(bodies.size).toBeGreaterThan(demoUsers.filter((u) => u.idNumber).length - 1);
    expect(sources[0][1]).toContain('PROJECTION');
    const logLines = captures('logs-').reduce((n, [, text]) => n + text.split('\n').filter(Boolean).length, 0);
    const ranOthers = plannedOthers().some((p) => p.includes(`${path.sep}integration${path.sep}`) && !p.includes(`${path.sep}privacy${path.sep}`));
    if (ranOthers) {
      expect(logLines).toBeGreaterThan(0);
      expect(registeredIdNumbers().length).toBeGreaterThan(0);
    }
  }, 45 * 60_000);

  it('recognises an ID number when one is there (the sweep can fail)', () => {
    const id = demoUsers.find((u) => u.idNumber)!.idNumber!;
    const bodies = new Set([id.slice(0, 17)]);
    expect(knownIdsIn(`{"subject":"P#${id}"}`, bodies)).toHaveLength(1);
    expect(knownIdsIn(`{"id":"x${id.slice(0, 17)}9"}`, bodies)).toHaveLength(1);
    expect(`{"idNumber":"${id}"}`.match(ID_SHAPED)).toHaveLength(1);
    expect(`"41010419900101123X"`.match(ID_SHAPED)).toHaveLength(1);
    // Keyed hashes, masked numbers, phone numbers and timestamps are not ID numbers.
    expect('"P#Xk3_410104199001011234ab" "4101**********1234" 13800138000 1764201600000'.match(ID_SHAPED)).toBeNull();
  });
});
