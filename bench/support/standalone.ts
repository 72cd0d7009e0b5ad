import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBenchStack, type BenchStack } from './stack';

/**
 * For a benchmark run on its own (`npx tsx bench/<name>.bench.ts`): a fresh bench stack around
 * it, stopped afterwards, and the process's exit code.
 */
export function runStandalone(bench: (stack: BenchStack) => Promise<void>): void {
  (async () => {
    const stack = await startBenchStack();
    try {
      await bench(stack);
    } finally {
      await stack.stop();
    }
  })().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

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
