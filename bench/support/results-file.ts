import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = path.join(__dirname, '..', 'RESULTS.md');

/**
 * Replaces one `## ` section of bench/RESULTS.md (from its heading to the next `## ` heading or
 * `<!--` marker line), or appends it: a benchmark run on its own refreshes its section and leaves
 * every other section, and other tools' markers, as they were.
 */
export function replaceSection(lines: string[], file = RESULTS_FILE): void {
  const heading = lines[0];
  if (!heading.startsWith('## ')) throw new Error(`a section starts with its "## " heading, not ${heading}`);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const all = text.split('\n');
  const start = all.findIndex((l) => l === heading);
  const body = [...lines, ...(lines[lines.length - 1] === '' ? [] : [''])];
  if (start < 0) {
    writeFileSync(file, `${text.replace(/\n*$/, '\n\n')}${body.join('\n')}`);
    return;
  }
  let end = all.findIndex((l, i) => i > start && (l.startsWith('## ') || l.startsWith('<!--')));
  if (end < 0) end = all.length;
  writeFileSync(file, [...all.slice(0, start), ...body, ...all.slice(end)].join('\n'));
}
