import { createReadStream, existsSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import readline from 'node:readline';
import type { IngestResult } from '../ingest-credit-records';
import { parseCsvHeader, parseCsvLine, parseJsonLine, type Parsed } from './parse-records';
import { redactRecord, redactText } from './redact';

/**
 * Imports a department's file of credit records in batches of at most 500 (through the API), or
 * in larger windows straight into the database (`maxBatchSize`).
 * - Every batch goes through the same ingestion as `POST /api/credit-records` (`submit`); a
 *   direct import through its bulk form, which makes one transaction per subject and window.
 * - After each batch a checkpoint records how many lines are done; a re-run after an
 *   interruption resumes there. Even without the checkpoint nothing doubles: every record's
 *   (department, sourceId) is idempotent.
 * - Rejected records go to `<file>.rejects.jsonl` with their line number, code and message, and
 *   the record with every ID number masked (redact.ts).
 */
export interface ImportSummary {
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  resumedFrom: number;
  seconds: number;
}

export interface ImportOptions {
  file: string;
  submit: (records: unknown[]) => Promise<IngestResult>;
  /** Records per submit: at most 500 through the API; a direct import takes larger windows (maxBatchSize). */
  batchSize?: number;
  maxBatchSize?: number;
  onProgress?: (done: { lines: number; bytes: number; totalBytes: number; accepted: number; duplicates: number; rejected: number }) => void;
  fresh?: boolean;
  /** Another CSV layout (双公示's Chinese headers): its header and line parsers. */
  csvParser?: { header: (line: string) => string[]; line: (raw: string, header: string[]) => Parsed };
}

interface Checkpoint {
  file: string;
  size: number;
  mtimeMs: number;
  lines: number;
  bytes: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export async function importFile(opts: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const batchSize = Math.min(opts.batchSize ?? 500, opts.maxBatchSize ?? 500);
  const stat = statSync(opts.file);
  const checkpointPath = `${opts.file}.checkpoint.json`;
  const rejectsPath = `${opts.file}.rejects.jsonl`;
  const isCsv = /\.csv$/i.test(opts.file);

  let cp: Checkpoint = { file: opts.file, size: stat.size, mtimeMs: stat.mtimeMs, lines: 0, bytes: 0, accepted: 0, duplicates: 0, rejected: 0 };
  if (!opts.fresh && existsSync(checkpointPath)) {
    const saved = JSON.parse(readFileSync(checkpointPath, 'utf8')) as Checkpoint;
    if (saved.size === stat.size && saved.mtimeMs === stat.mtimeMs) cp = saved;
  }
  const resumedFrom = cp.lines;
  if (resumedFrom === 0) writeFileSync(rejectsPath, '');

  const input = readline.createInterface({ input: createReadStream(opts.file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header: string[] | null = null;
  let lineNo = 0;
  let bytes = 0;
  let batch: Array<{ line: number; record: Record<string, unknown> }> = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const result = await opts.submit(batch.map((b) => b.record));
    const rejectLines = result.rejected.map((r) => JSON.stringify({ line: batch[r.index].line, code: r.code, message: redactText(r.message), record: redactRecord(batch[r.index].record) }));
    if (rejectLines.length > 0) appendFileSync(rejectsPath, `${rejectLines.join('\n')}\n`);
    cp = { ...cp, lines: lineNo, bytes, accepted: cp.accepted + result.accepted, duplicates: cp.duplicates + result.duplicates, rejected: cp.rejected + result.rejected.length };
    writeFileSync(checkpointPath, JSON.stringify(cp));
    batch = [];
    opts.onProgress?.({ lines: cp.lines, bytes: cp.bytes, totalBytes: stat.size, accepted: cp.accepted, duplicates: cp.duplicates, rejected: cp.rejected });
  };

  for await (const raw of input) {
    lineNo++;
    bytes += Buffer.byteLength(raw, 'utf8') + 1;
    if (isCsv && header === null) {
      header = (opts.csvParser?.header ?? parseCsvHeader)(raw);
      continue;
    }
    if (lineNo <= resumedFrom || raw.trim() === '') continue;
    const parsed: Parsed = isCsv ? (opts.csvParser?.line ?? parseCsvLine)(raw, header as string[]) : parseJsonLine(raw);
    if (!parsed.ok) {
      appendFileSync(rejectsPath, `${JSON.stringify({ line: lineNo, code: 'UNPARSABLE_LINE', message: redactText(parsed.message) })}\n`);
      cp.rejected++;
      continue;
    }
    batch.push({ line: lineNo, record: parsed.record });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  cp = { ...cp, lines: lineNo, bytes };
  writeFileSync(checkpointPath, JSON.stringify(cp));
  return {
    lines: lineNo,
    accepted: cp.accepted,
    duplicates: cp.duplicates,
    rejected: cp.rejected,
    resumedFrom,
    seconds: (Date.now() - started) / 1000,
  };
}
