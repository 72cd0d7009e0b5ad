/**
 * Notes each finished test file (passed, failed or crashed) in the privacy-run directory, so the
 * privacy sweep can wait for every other file of the run, on however many workers.
 */
const fs = require('node:fs');
const path = require('node:path');

class RunReporter {
  onTestFileResult(test) {
    const runDir = process.env.CXGC_PRIVACY_RUN_DIR; // set by test/support/sequencer.js
    if (runDir) fs.appendFileSync(path.join(runDir, 'done.txt'), `${test.path}\n`);
  }
}

module.exports = RunReporter;
