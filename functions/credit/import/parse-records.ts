/**
 * Line-oriented parsing of department record files: CSV with a header row (RFC 4180 quoting) or
 * JSON Lines. Each data line becomes one record object, or a parse error for that line only.
 */
export type Parsed = { ok: true; record: Record<string, unknown> } | { ok: false; message: string };

export const CSV_COLUMNS = ['sourceId', 'subjectType', 'subjectId', 'ruleId', 'occurredAt', 'severity', 'note'] as const;

export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quoted) return null;
  out.push(cur);
  return out;
}

export function parseCsvHeader(line: string): string[] {
  const cols = splitCsvLine(line.replace(/^\uFEFF/, '')) ?? [];
  const unknown = cols.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c.trim()));
  if (unknown.length > 0) throw new Error(`Unknown CSV columns: ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(',')})`);
  return cols.map((c) => c.trim());
}

export function parseCsvLine(line: string, header: string[]): Parsed {
  const cells = splitCsvLine(line);
  if (!cells) return { ok: false, message: 'CSV 引号未闭合' };
  if (cells.length !== header.length) return { ok: false, message: `应有 ${header.length} 列，实际 ${cells.length} 列` };
  const record: Record<string, unknown> = {};
  header.forEach((h, i) => {
    if (cells[i] !== '') record[h] = cells[i];
  });
  return { ok: true, record };
}

export function parseJsonLine(line: string): Parsed {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: '每行应是一个 JSON 对象' };
    return { ok: true, record: value as Record<string, unknown> };
  } catch {
    return { ok: false, message: '不是有效的 JSON' };
  }
}
