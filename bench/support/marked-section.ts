import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces (or appends) the part of bench/RESULTS.md between `<!-- name:start -->` and
 * `<!-- name:end -->`: a benchmark run on its own refreshes only its own part.
 */
export function replaceMarkedSection(name: string, lines: string[]): void {
  const file = path.join(__dirname, '..', 'RESULTS.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, ...lines, end].join('\n');
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(start);
  const stop = current.indexOf(end);
  writeFileSync(file, at >= 0 && stop > at ? `${current.slice(0, at)}${section}${current.slice(stop + end.length)}` : `${current.trimEnd()}\n\n${section}\n`);
}
