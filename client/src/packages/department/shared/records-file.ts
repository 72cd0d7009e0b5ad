/**
 * A department's file of credit records, read in the browser or the mini program: CSV with a
 * header row or JSON Lines, one record a line, every record or problem keeping its line number.
 * Lines are split and parsed by the command-line importer's own functions (parse-records.ts, pure),
 * so a file behaves the same in both; on top of them the clerk-friendly spellings Excel produces
 * (个人/企业, 轻微/一般/严重, a bare date) are normalised, and the two traps of spreadsheets (an ID
 * number turned into 4.10104E+17, the template's example lines left in) are caught before sending.
 */
import { CSV_COLUMNS, parseCsvLine, parseJsonLine, splitCsvLine } from '../../../../../functions/credit/import/parse-records';
import { normaliseSubjectId } from './subject';

export type FileFormat = 'csv' | 'jsonl';

/** One record of the file and the line it came from (1 = the first line of the file). */
export interface FileRecord {
  line: number;
  record: Record<string, unknown>;
}

export interface LineProblem {
  line: number;
  message: string;
  sourceId?: string;
}

export interface ParsedFile {
  format: FileFormat;
  records: FileRecord[];
  problems: LineProblem[];
  /** The whole file cannot be read (a bad header, a JSON array): nothing is sent. */
  fatal?: string;
}

export const REQUIRED_COLUMNS = ['sourceId', 'subjectType', 'subjectId', 'ruleId', 'occurredAt'] as const;

/** The template's example lines carry this prefix so they are never submitted by accident. */
export const EXAMPLE_PREFIX = 'EXAMPLE-';

const SUBJECT_TYPES: Record<string, string> = {
  person: 'person',
  个人: 'person',
  自然人: 'person',
  enterprise: 'enterprise',
  企业: 'enterprise',
  法人: 'enterprise',
  法人和其他组织: 'enterprise',
};

const SEVERITIES: Record<string, string> = {
  light: 'light',
  轻微: 'light',
  general: 'general',
  一般: 'general',
  serious: 'serious',
  严重: 'serious',
};

const pad = (s: string) => s.padStart(2, '0');

/**
 * `2026-01-05`, `2026/1/5` → that day's start in China; `2026-01-05 09:30[:00]` → that time in
 * China. Anything else (a full ISO time with its offset) is left for the server to judge.
 */
export function normaliseOccurredAt(value: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s] = m;
  const time = h === undefined ? '00:00:00' : `${pad(h)}:${mi}:${s ?? '00'}`;
  return `${y}-${pad(mo)}-${pad(d)}T${time}+08:00`;
}

type Normalised = { ok: true; record: Record<string, unknown> } | { ok: false; message: string };

/** A parsed line made ready to send, or why it must not be sent. */
export function normaliseRecord(raw: Record<string, unknown>): Normalised {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = typeof value === 'string' ? value.trim() : value;
    if (v !== '' && v !== null && v !== undefined) record[key] = v;
  }
  if (typeof record.sourceId === 'string' && record.sourceId.toUpperCase().startsWith(EXAMPLE_PREFIX)) {
    return { ok: false, message: '这是模板中的示例行，请删除后再上传' };
  }
  if (typeof record.subjectType === 'string') record.subjectType = SUBJECT_TYPES[record.subjectType.toLowerCase()] ?? record.subjectType;
  if (typeof record.subjectId === 'number') {
    return { ok: false, message: 'subjectId 应写成带英文双引号的字符串，写成数字会丢失位数' };
  }
  if (typeof record.subjectId === 'string') {
    if (/^\d+(\.\d+)?E\+?\d+$/i.test(record.subjectId)) {
      return { ok: false, message: '证件号码被表格软件转成了科学计数法（如 4.10104E+17），请把该列设为「文本」格式后重新导出' };
    }
    record.subjectId = normaliseSubjectId(record.subjectId);
  }
  if (typeof record.ruleId === 'string') record.ruleId = record.ruleId.toUpperCase();
  if (typeof record.severity === 'string') record.severity = SEVERITIES[record.severity.toLowerCase()] ?? record.severity;
  if (typeof record.occurredAt === 'string') record.occurredAt = normaliseOccurredAt(record.occurredAt);
  return { ok: true, record };
}

/** CSV unless the name or the first line says JSON Lines. */
export function detectFormat(fileName: string, text: string): FileFormat {
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  const first = text.replace(/^\uFEFF/, '').trimStart();
  return first.startsWith('{') || first.startsWith('[') ? 'jsonl' : 'csv';
}

function readHeader(line: string): { columns: string[] } | { fatal: string } {
  const cells = splitCsvLine(line);
  if (!cells) return { fatal: '第 1 行（表头）的引号未闭合' };
  const columns = cells.map((c) => c.trim());
  const known: readonly string[] = CSV_COLUMNS;
  const unknown = columns.filter((c) => !known.includes(c));
  const expected = `表头应为：${CSV_COLUMNS.join(',')}（可下载模板对照）`;
  if (unknown.length > 0) return { fatal: `表头中有无法识别的列：${unknown.map((c) => c || '（空列）').join('、')}。${expected}` };
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) return { fatal: `表头中的列重复：${[...new Set(repeated)].join('、')}` };
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) return { fatal: `表头缺少必填列：${missing.join('、')}。${expected}` };
  return { columns };
}

const sourceIdOf = (record: Record<string, unknown>) => (typeof record.sourceId === 'string' && record.sourceId.trim() ? record.sourceId.trim() : undefined);

/**
 * Splits a file into records and per-line problems. A byte-order mark and any line ending (CRLF,
 * LF, CR) are accepted; blank lines are skipped; line numbers count every physical line.
 */
export function parseRecordsFile(text: string, fileName: string): ParsedFile {
  const format = detectFormat(fileName, text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const records: FileRecord[] = [];
  const problems: LineProblem[] = [];
  let header: string[] | null = null;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (raw.trim() === '') continue;
    if (format === 'csv' && header === null) {
      const h = readHeader(raw);
      if ('fatal' in h) return { format, records: [], problems: [], fatal: line === 1 ? h.fatal : h.fatal.replace('第 1 行', `第 ${line} 行`) };
      header = h.columns;
      continue;
    }
    if (format === 'jsonl' && records.length === 0 && problems.length === 0 && raw.trimStart().startsWith('[')) {
      return { format, records: [], problems: [], fatal: '文件是一个 JSON 数组；请改为每行一个 JSON 对象（JSON Lines）' };
    }
    const parsed = format === 'csv' ? parseCsvLine(raw, header as string[]) : parseJsonLine(raw);
    if (!parsed.ok) {
      const hint = format === 'csv' && parsed.message.includes('引号') ? '（备注中不能换行）' : '';
      problems.push({ line, message: `${parsed.message}${hint}` });
      continue;
    }
    const normalised = normaliseRecord(parsed.record);
    if (!normalised.ok) {
      problems.push({ line, message: normalised.message, sourceId: sourceIdOf(parsed.record) });
      continue;
    }
    records.push({ line, record: normalised.record });
  }
  if (format === 'csv' && header === null) return { format, records, problems, fatal: '文件是空的' };
  if (records.length === 0 && problems.length === 0) return { format, records, problems, fatal: '文件中没有记录' };
  return { format, records, problems };
}
