/**
 * 双公示 files (pure, shared by the bulk importer and the department workbench): one CSV per kind,
 * headed by the national standard's column names (行政许可 XK, 行政处罚 CF), plus 数据编号 (the
 * department's own id of the decision), 失信程度, 简易程序 and 状态 (撤销 withdraws a decision).
 * Each data line becomes one API item, or a problem of that line alone.
 */
import { splitCsvLine } from '../credit/import/parse-records';

export type CsvKind = 'license' | 'penalty';

type Field = 'sourceId' | 'partyName' | 'uscc' | 'decisionNo' | 'category' | 'content' | 'legalBasis' | 'fineWan' | 'decidedOn' | 'severity' | 'simpleProcedure' | 'publicityEndsOn' | 'validFrom' | 'validTo' | 'authority' | 'status';

/** Column → field, in the template's order. `authority` (处罚机关/许可机关) is the sending department's own and is not read. */
export const CF_COLUMNS: ReadonlyArray<readonly [string, Field]> = [
  ['数据编号', 'sourceId'],
  ['行政相对人名称', 'partyName'],
  ['统一社会信用代码', 'uscc'],
  ['行政处罚决定书文号', 'decisionNo'],
  ['处罚类别', 'category'],
  ['处罚内容', 'content'],
  ['处罚依据', 'legalBasis'],
  ['罚款金额（万元）', 'fineWan'],
  ['处罚决定日期', 'decidedOn'],
  ['失信程度', 'severity'],
  ['简易程序', 'simpleProcedure'],
  ['公示截止期', 'publicityEndsOn'],
  ['处罚机关', 'authority'],
  ['状态', 'status'],
];

export const XK_COLUMNS: ReadonlyArray<readonly [string, Field]> = [
  ['数据编号', 'sourceId'],
  ['行政相对人名称', 'partyName'],
  ['统一社会信用代码', 'uscc'],
  ['行政许可决定文书号', 'decisionNo'],
  ['许可类别', 'category'],
  ['许可内容', 'content'],
  ['许可依据', 'legalBasis'],
  ['许可决定日期', 'decidedOn'],
  ['有效期自', 'validFrom'],
  ['有效期至', 'validTo'],
  ['许可机关', 'authority'],
  ['状态', 'status'],
];

const COLUMNS: Record<CsvKind, ReadonlyArray<readonly [string, Field]>> = { penalty: CF_COLUMNS, license: XK_COLUMNS };
const REQUIRED: Record<CsvKind, string[]> = {
  penalty: ['数据编号', '行政相对人名称', '统一社会信用代码', '行政处罚决定书文号', '处罚类别', '处罚内容', '处罚依据', '处罚决定日期'],
  license: ['数据编号', '行政相对人名称', '统一社会信用代码', '行政许可决定文书号', '许可类别', '许可内容', '许可依据', '许可决定日期', '有效期自', '有效期至'],
};

const SEVERITY: Record<string, string> = { 轻微: 'light', 一般: 'general', 严重: 'serious' };

export type CsvLine = { ok: true; item: Record<string, unknown> } | { ok: false; message: string };

export interface CsvHeader {
  kind: CsvKind;
  fields: Array<Field | null>;
}

/** The file's kind and columns from its header row; a Chinese message when it is neither template. */
export function parseDisclosureHeader(line: string): CsvHeader | { error: string } {
  const cols = (splitCsvLine(line.replace(/^\uFEFF/, '')) ?? []).map((c) => c.trim());
  const kind: CsvKind | null = cols.includes('行政处罚决定书文号') ? 'penalty' : cols.includes('行政许可决定文书号') ? 'license' : null;
  if (!kind) return { error: '表头不是双公示模板：行政处罚须含「行政处罚决定书文号」，行政许可须含「行政许可决定文书号」' };
  const known = new Map(COLUMNS[kind]);
  const unknown = cols.filter((c) => c !== '' && !known.has(c));
  if (unknown.length > 0) return { error: `表头有模板之外的列：${unknown.join('、')}` };
  const missing = REQUIRED[kind].filter((c) => !cols.includes(c));
  if (missing.length > 0) return { error: `表头缺少必需的列：${missing.join('、')}` };
  return { kind, fields: cols.map((c) => known.get(c) ?? null) };
}

/** `2026/3/5`, `2026-03-05`, `2026.3.5` → `2026-03-05`; anything else as written (the server says what is wrong). */
export function normaliseDate(value: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value.trim();
}

/** One data line → one item of `POST /api/disclosures`, or what is wrong with the line. */
export function parseDisclosureLine(raw: string, header: CsvHeader): CsvLine {
  const cells = splitCsvLine(raw);
  if (!cells) return { ok: false, message: 'CSV 引号未闭合' };
  if (cells.length !== header.fields.length) return { ok: false, message: `应有 ${header.fields.length} 列，实际 ${cells.length} 列` };
  const item: Record<string, unknown> = { kind: header.kind };
  for (let i = 0; i < cells.length; i++) {
    const field = header.fields[i];
    const value = cells[i].trim();
    if (!field || field === 'authority' || value === '') continue;
    switch (field) {
      case 'fineWan': {
        const wan = Number(value.replace(/,/g, ''));
        if (!Number.isFinite(wan) || wan < 0) return { ok: false, message: `罚款金额（万元）应为不小于 0 的数字，实际为「${value}」` };
        item.fineYuan = Math.round(wan * 1_000_000) / 100;
        break;
      }
      case 'severity':
        if (!SEVERITY[value]) return { ok: false, message: `失信程度应为 轻微、一般 或 严重，实际为「${value}」` };
        item.severity = SEVERITY[value];
        break;
      case 'simpleProcedure':
        if (value !== '是' && value !== '否') return { ok: false, message: `简易程序应填 是 或 否，实际为「${value}」` };
        item.simpleProcedure = value === '是';
        break;
      case 'status':
        if (value === '撤销') item.status = 'revoked';
        else if (value !== '正常' && value !== '有效') return { ok: false, message: `状态应为 正常 或 撤销，实际为「${value}」` };
        break;
      case 'decidedOn':
      case 'validFrom':
      case 'validTo':
      case 'publicityEndsOn':
        item[field] = normaliseDate(value);
        break;
      case 'uscc':
        item.uscc = value.toUpperCase();
        break;
      default:
        item[field] = value;
    }
  }
  return { ok: true, item };
}

/** A whole file: its kind, the items with their line numbers, the lines that could not be read, or a fatal header problem. */
export function parseDisclosureCsv(text: string): { kind?: CsvKind; items: Array<{ line: number; item: Record<string, unknown> }>; problems: Array<{ line: number; message: string; sourceId?: string }>; fatal?: string } {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) return { items: [], problems: [], fatal: '文件是空的' };
  const header = parseDisclosureHeader(lines[headerAt]);
  if ('error' in header) return { items: [], problems: [], fatal: header.error };
  const items: Array<{ line: number; item: Record<string, unknown> }> = [];
  const problems: Array<{ line: number; message: string; sourceId?: string }> = [];
  const idColumn = header.fields.indexOf('sourceId');
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const parsed = parseDisclosureLine(lines[i], header);
    if (parsed.ok) {
      items.push({ line: i + 1, item: parsed.item });
      continue;
    }
    const sourceId = splitCsvLine(lines[i])?.[idColumn]?.trim();
    problems.push({ line: i + 1, message: parsed.message, ...(sourceId ? { sourceId } : {}) });
  }
  return { kind: header.kind, items, problems };
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template of one kind: the header and one example line (its 数据编号 marks it as an example). */
export function disclosureTemplate(kind: CsvKind, example: { uscc: string; today: string; authority: string }): string {
  const values: Record<CsvKind, Record<string, string>> = {
    penalty: {
      数据编号: 'EXAMPLE-CF-0001',
      行政相对人名称: '郑州示例商贸有限公司',
      统一社会信用代码: example.uscc,
      行政处罚决定书文号: '管市监罚〔2026〕1号',
      处罚类别: '罚款',
      处罚内容: '销售过期食品，罚款人民币五千元',
      处罚依据: '《中华人民共和国食品安全法》第一百二十四条',
      '罚款金额（万元）': '0.5',
      处罚决定日期: example.today,
      失信程度: '一般',
      简易程序: '否',
      公示截止期: '',
      处罚机关: example.authority,
      状态: '正常',
    },
    license: {
      数据编号: 'EXAMPLE-XK-0001',
      行政相对人名称: '郑州示例餐饮有限公司',
      统一社会信用代码: example.uscc,
      行政许可决定文书号: 'JY14101040000001',
      许可类别: '普通',
      许可内容: '食品经营许可',
      许可依据: '《中华人民共和国食品安全法》第三十五条',
      许可决定日期: example.today,
      有效期自: example.today,
      有效期至: `${Number(example.today.slice(0, 4)) + 5}-12-31`,
      许可机关: example.authority,
      状态: '正常',
    },
  };
  const cols = COLUMNS[kind].map(([c]) => c);
  return `\uFEFF${cols.join(',')}\n${cols.map((c) => csvCell(values[kind][c] ?? '')).join(',')}\n`;
}

/** The bulk importer's CSV parser for 双公示 files (import-file.ts `csvParser`): the header fixes the kind for the lines after it. */
export function disclosureCsvParser(): { header: (line: string) => string[]; line: (raw: string) => { ok: true; record: Record<string, unknown> } | { ok: false; message: string } } {
  let header: CsvHeader | null = null;
  return {
    header: (line) => {
      const h = parseDisclosureHeader(line);
      if ('error' in h) throw new Error(h.error);
      header = h;
      return h.fields.map((f) => f ?? '');
    },
    line: (raw) => {
      if (!header) return { ok: false, message: '缺少表头' };
      const parsed = parseDisclosureLine(raw, header);
      return parsed.ok ? { ok: true, record: parsed.item } : parsed;
    },
  };
}
