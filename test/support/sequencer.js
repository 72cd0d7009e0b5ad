/**
 * The run's test order: jest's own (failed first, then slowest first), except that the privacy
 * sweep goes last, because it checks what every other file left behind. It also gives the run its
 * own privacy-run directory (CXGC_PRIVACY_RUN_DIR, inherited by the workers started after it, so
 * two jest runs at once never mix) and records which files this run plans (see privacy-run.ts).
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const RUNS = path.resolve(__dirname, '../artifacts/privacy-run');
const STALE_MS = 6 * 3600_000;
const isSweep = (test) => test.path.includes(`${path.sep}full-run-sweep.test.`);

class RunSequencer extends Sequencer {
  async sort(tests) {
    const sorted = [...(await super.sort(tests))];
    const ordered = [...sorted.filter((t) => !isSweep(t)), ...sorted.filter(isSweep)];
    fs.mkdirSync(RUNS, { recursive: true });
    for (const old of fs.readdirSync(RUNS)) {
      const dir = path.join(RUNS, old);
      if (Date.now() - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    }
    const runDir = fs.mkdtempSync(path.join(RUNS, `${new Date().toISOString().replace(/[:.]/g, '-')}-`));
    process.env.CXGC_PRIVACY_RUN_DIR = runDir;
    fs.writeFileSync(path.join(runDir, 'planned.json'), JSON.stringify(ordered.map((t) => t.path)));
    return ordered;
  }
}

module.exports = RunSequencer;
