import { idNumberProblem, usccProblem } from '../../functions/shared/domain/identifiers';
import { normaliseOccurredAt, parseRecordsFile } from '../../client/src/packages/department/shared/records-file';
import { chunk, problemResult, resultsOfCall, sendCalls, type LineResult } from '../../client/src/packages/department/shared/upload-run';
import { csvTemplate, EXAMPLE_ID_NUMBER, EXAMPLE_USCC, jsonlTemplate } from '../../client/src/packages/department/shared/templates';
import type { FileRecord } from '../../client/src/packages/department/shared/records-file';
import type { CreditRecordsResult } from '../../client/src/services/department-api';
import { BLOOD, DEPT_RULES } from './support/department-fixtures';

const ID = '410104198506120047';
const USCC = '91350100M000100Y43';
const HEADER = 'sourceId,subjectType,subjectId,ruleId,occurredAt,severity,note';

describe('reading a department file', () => {
  it('reads a CSV with a BOM and CRLF line ends, skipping blank lines, numbering every physical line', () => {
    const text = `\uFEFF${HEADER}\r\nS-1,person,${ID},P-LAW-03,2026-01-05T09:30:00+08:00,general,普通备注\r\n\r\nS-2,enterprise,${USCC},E-LAW-02,2026-01-06T00:00:00+08:00,,\r\n   \r\n`;
    const parsed = parseRecordsFile(text, '记录.csv');
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.format).toBe('csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.records[0].record).toEqual({
      sourceId: 'S-1',
      subjectType: 'person',
      subjectId: ID,
      ruleId: 'P-LAW-03',
      occurredAt: '2026-01-05T09:30:00+08:00',
      severity: 'general',
      note: '普通备注',
    });
    // Empty cells are left out, not sent as empty strings.
    expect(parsed.records[1].record).not.toHaveProperty('severity');
    expect(parsed.records[1].record).not.toHaveProperty('note');
  });

  it('keeps commas and doubled quotes inside quoted fields', () => {
    const text = `${HEADER}\nS-1,person,${ID},P-LAW-03,2026-01-05,general,"决定书""管市监罚〔2026〕1号"", 罚款 500 元"\n`;
    const parsed = parseRecordsFile(text, 'a.csv');
    expect(parsed.records[0].record.note).toBe('决定书"管市监罚〔2026〕1号", 罚款 500 元');
  });

  it('reports lines that do not parse with their line number and reads the others', () => {
    const text = [
      HEADER,
      `S-1,person,${ID},P-LAW-03,2026-01-05,general,ok`,
      `S-2,person,${ID},P-LAW-03,2026-01-05,general`,
      `S-3,person,${ID},P-LAW-03,2026-01-05,general,"未闭合`,
      `S-4,person,4.10104E+17,P-LAW-03,2026-01-05,general,`,
      `EXAMPLE-0001,person,${ID},P-LAW-03,2026-01-05,general,`,
      `S-6,person,${ID},P-LAW-03,2026-01-05,general,`,
    ].join('\n');
    const parsed = parseRecordsFile(text, 'a.csv');
    expect(parsed.records.map((r) => r.line)).toEqual([2, 7]);
    expect(parsed.problems).toEqual([
      { line: 3, message: '应有 7 列，实际 6 列' },
      { line: 4, message: 'CSV 引号未闭合（备注中不能换行）' },
      { line: 5, message: expect.stringContaining('科学计数法'), sourceId: 'S-4' },
      { line: 6, message: '这是模板中的示例行，请删除后再上传', sourceId: 'EXAMPLE-0001' },
    ]);
  });

  it('refuses a CSV whose header it does not know, naming the columns, and sends nothing', () => {
    const unknown = parseRecordsFile(`sourceId,主体,subjectId,ruleId,occurredAt\nS-1,person,${ID},P-LAW-03,2026-01-05\n`, 'a.csv');
    expect(unknown.fatal).toMatch(/^表头中有无法识别的列：主体。表头应为：sourceId,subjectType/);
    expect(unknown.records).toEqual([]);
    const missing = parseRecordsFile(`sourceId,subjectType,subjectId,occurredAt\n`, 'a.csv');
    expect(missing.fatal).toMatch(/^表头缺少必填列：ruleId/);
    // A data line where the header should be is an unknown header too.
    expect(parseRecordsFile(`S-1,person,${ID},P-LAW-03,2026-01-05\n`, 'a.csv').fatal).toMatch(/无法识别的列/);
    expect(parseRecordsFile('\uFEFF\r\n\r\n', 'a.csv').fatal).toBe('文件是空的');
    expect(parseRecordsFile(`${HEADER}\r\n`, 'a.csv').fatal).toBe('文件中没有记录');
  });

  it('reads the columns in any order, with only the required ones', () => {
    const parsed = parseRecordsFile(`ruleId,occurredAt,subjectId,subjectType,sourceId\r\nP-VIR-01,2026-02-01,${ID},person,S-9\r\n`, 'a.csv');
    expect(parsed.records[0].record).toEqual({ ruleId: 'P-VIR-01', occurredAt: '2026-02-01T00:00:00+08:00', subjectId: ID, subjectType: 'person', sourceId: 'S-9' });
  });

  it('reads JSON Lines, one object a line, reporting bad lines by number', () => {
    const text = [
      JSON.stringify({ sourceId: 'J-1', subjectType: 'enterprise', subjectId: USCC.toLowerCase(), ruleId: 'e-law-02', occurredAt: '2026-01-06T00:00:00+08:00', severity: 'general' }),
      '',
      '{"sourceId": "J-2", broken',
      '[1, 2]',
      JSON.stringify({ sourceId: 'J-4', subjectType: 'person', subjectId: 410104199003071233, ruleId: 'P-LAW-03', occurredAt: '2026-01-06' }),
      JSON.stringify({ sourceId: 'J-5', subjectType: 'person', subjectId: ID, ruleId: 'P-LAW-03', occurredAt: '2026-01-06', extra: 1 }),
    ].join('\r\n');
    const parsed = parseRecordsFile(text, 'records.jsonl');
    expect(parsed.format).toBe('jsonl');
    expect(parsed.records.map((r) => r.line)).toEqual([1, 6]);
    // Codes are raised; unknown fields are left for the server to refuse (it names them).
    expect(parsed.records[0].record).toMatchObject({ subjectId: USCC, ruleId: 'E-LAW-02' });
    expect(parsed.records[1].record).toHaveProperty('extra', 1);
    expect(parsed.problems).toEqual([
      { line: 3, message: '不是有效的 JSON' },
      { line: 4, message: '每行应是一个 JSON 对象' },
      { line: 5, message: expect.stringContaining('字符串'), sourceId: 'J-4' },
    ]);
  });

  it('refuses a JSON array file with a hint, and tells the formats apart by name or content', () => {
    expect(parseRecordsFile('[{"sourceId":"x"}]', 'a.json').fatal).toMatch(/JSON 数组/);
    expect(parseRecordsFile(`{"sourceId":"x"}`, 'export.txt').format).toBe('jsonl');
    expect(parseRecordsFile(`${HEADER}\n`, 'export.txt').format).toBe('csv');
  });

  it('accepts the spellings clerks use: 个人/企业, 轻微/一般/严重, a bare or slashed date, spaces in codes', () => {
    const text = `${HEADER}\n S-1 ,个人,"4101 0419 8506 1200 47",p-law-03,2026/1/5,一般,\nS-2,企业,${USCC},E-LAW-02,2026-01-06 14:05,严重,\n`;
    const [a, b] = parseRecordsFile(text, 'a.csv').records.map((r) => r.record);
    expect(a).toMatchObject({ sourceId: 'S-1', subjectType: 'person', subjectId: ID, ruleId: 'P-LAW-03', occurredAt: '2026-01-05T00:00:00+08:00', severity: 'general' });
    expect(b).toMatchObject({ subjectType: 'enterprise', occurredAt: '2026-01-06T14:05:00+08:00', severity: 'serious' });
    expect(normaliseOccurredAt('2026-01-05T09:30:00Z')).toBe('2026-01-05T09:30:00Z');
  });
});

const fileRecord = (line: number, sourceId: string, subjectId = ID, subjectType = 'person'): FileRecord => ({
  line,
  record: { sourceId, subjectType, subjectId, ruleId: 'P-LAW-03', occurredAt: '2026-01-05T00:00:00+08:00' },
});

const statuses = (results: LineResult[]) => results.map((r) => [r.line, r.status]);

describe('sending a file in calls of at most 500', () => {
  it('cuts 1,201 records into 500, 500 and 201, and never more than 500 whatever is asked', () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    expect(chunk(items).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(chunk(items, 1000).map((c) => c.length)).toEqual([500, 500, 201]);
    expect(chunk(items.slice(0, 3), 2)).toEqual([[0, 1], [2]]);
    expect(chunk([])).toEqual([]);
  });

  it('sends the calls in order, reporting each, and stops at a failure where it can resume', async () => {
    const records = Array.from({ length: 1100 }, (_, i) => fileRecord(i + 2, `S-${i}`));
    const calls = chunk(records);
    const sizes: number[] = [];
    const reported: number[] = [];
    let fail = true;
    const send = jest.fn(async (batch: unknown[]) => {
      sizes.push(batch.length);
      if (sizes.length === 2 && fail) throw new Error('network');
      return { accepted: batch.length, duplicates: 0, rejected: [] };
    });
    const known = new Set<string>();
    const first = await sendCalls({ calls, from: 0, known, send, onCall: (i) => reported.push(i) });
    expect(first).toEqual({ next: 1, stopped: false, error: expect.any(Error) });
    expect(reported).toEqual([0]);
    fail = false;
    const second = await sendCalls({ calls, from: first.next, known, send, onCall: (i) => reported.push(i) });
    expect(second).toEqual({ next: 3, stopped: false });
    expect(sizes).toEqual([500, 500, 500, 100]);
    expect(reported).toEqual([0, 1, 2]);
  });

  it('stops before the next call when asked to pause', async () => {
    const calls = chunk(Array.from({ length: 600 }, (_, i) => fileRecord(i + 2, `S-${i}`)));
    let stop = false;
    const send = jest.fn(async (batch: unknown[]) => {
      stop = true;
      return { accepted: batch.length, duplicates: 0, rejected: [] };
    });
    const outcome = await sendCalls({ calls, from: 0, known: new Set(), send, onCall: () => undefined, shouldStop: () => stop });
    expect(outcome).toEqual({ next: 1, stopped: true });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('one result per line', () => {
  const answer = (over: Partial<CreditRecordsResult>): CreditRecordsResult => ({ accepted: 0, duplicates: 0, rejected: [], ...over });

  it('marks rejected lines with their Chinese reason, and the others accepted when no duplicate is left unexplained', () => {
    const call = [fileRecord(2, 'A'), fileRecord(3, 'B', '410104198506120048'), fileRecord(4, 'C')];
    const results = resultsOfCall(call, answer({ accepted: 2, rejected: [{ index: 1, code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确，请核对' }] }), new Set());
    expect(statuses(results)).toEqual([
      [2, 'accepted'],
      [3, 'rejected'],
      [4, 'accepted'],
    ]);
    expect(results[1]).toMatchObject({ code: 'INVALID_ID_NUMBER', reason: '身份证号码校验位不正确，请核对', sourceId: 'B' });
  });

  it('never shows a full identifier', () => {
    const [person, business] = resultsOfCall([fileRecord(2, 'A'), fileRecord(3, 'B', USCC, 'enterprise')], answer({ accepted: 2 }), new Set());
    expect(person.subjectMasked).toBe('4101**********0047');
    expect(business.subjectMasked).toBe('913501**********43');
    expect(JSON.stringify([person, business])).not.toContain(ID);
  });

  it('maps an English message to Chinese by its code', () => {
    const [r] = resultsOfCall([fileRecord(2, 'A')], answer({ rejected: [{ index: 0, code: 'RULE_NOT_YOURS', message: 'rule belongs to another department' }] }), new Set());
    expect(r.reason).toBe('该规则由其他部门报送，本部门无权报送');
    const [u] = resultsOfCall([fileRecord(2, 'A')], answer({ rejected: [{ index: 0, code: 'SOMETHING_NEW', message: 'odd' }] }), new Set());
    expect(u.reason).toBe('odd（SOMETHING_NEW）');
  });

  it('knows a repeated sourceId is a duplicate, within a call and across calls of the upload', () => {
    const known = new Set<string>();
    const first = resultsOfCall([fileRecord(2, 'A'), fileRecord(3, 'A'), fileRecord(4, 'B')], answer({ accepted: 2, duplicates: 1 }), known);
    expect(statuses(first)).toEqual([
      [2, 'accepted'],
      [3, 'duplicate'],
      [4, 'accepted'],
    ]);
    expect(first[1].reason).toBe('与本文件中前面一行的来源编号相同');
    const second = resultsOfCall([fileRecord(5, 'B'), fileRecord(6, 'C')], answer({ accepted: 1, duplicates: 1 }), known);
    expect(statuses(second)).toEqual([
      [5, 'duplicate'],
      [6, 'accepted'],
    ]);
  });

  it('marks every line a duplicate when nothing was accepted (the same file sent again)', () => {
    const results = resultsOfCall([fileRecord(2, 'A'), fileRecord(3, 'B')], answer({ duplicates: 2 }), new Set());
    expect(statuses(results)).toEqual([
      [2, 'duplicate'],
      [3, 'duplicate'],
    ]);
  });

  it('says 已接收或重复 when the counts cannot tell which lines were the duplicates', () => {
    const results = resultsOfCall([fileRecord(2, 'A'), fileRecord(3, 'B'), fileRecord(4, 'C')], answer({ accepted: 2, duplicates: 1 }), new Set());
    expect(results.map((r) => r.status)).toEqual(['unresolved', 'unresolved', 'unresolved']);
  });

  it('turns a line that did not parse into a rejected result', () => {
    expect(problemResult({ line: 7, message: '不是有效的 JSON' })).toEqual({
      line: 7,
      sourceId: undefined,
      subjectMasked: '—',
      status: 'rejected',
      code: 'UNPARSABLE_LINE',
      reason: '不是有效的 JSON',
    });
  });
});

describe('templates', () => {
  const today = '2026-12-03';

  it('uses synthetic identifiers that pass the national check characters', () => {
    expect(idNumberProblem(EXAMPLE_ID_NUMBER)).toBeNull();
    expect(usccProblem(EXAMPLE_USCC)).toBeNull();
  });

  it('gives a CSV that reads back as two example lines of this department, with a BOM for Excel', () => {
    const csv = csvTemplate(DEPT_RULES, today);
    expect(csv.text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv.name).toMatch(/\.csv$/);
    const parsed = parseRecordsFile(csv.text, csv.name);
    expect(parsed.fatal).toBeUndefined();
    // The examples are refused on upload, so a forgotten example never becomes a record.
    expect(parsed.records).toEqual([]);
    expect(parsed.problems.map((p) => [p.line, p.sourceId])).toEqual([
      [2, 'EXAMPLE-0001'],
      [3, 'EXAMPLE-0002'],
    ]);
    expect(csv.text).toContain(`EXAMPLE-0001,person,${EXAMPLE_ID_NUMBER},P-LAW-03,2026-11-26T09:30:00+08:00,general,"示例行`);
    expect(csv.text).toContain(`EXAMPLE-0002,enterprise,${EXAMPLE_USCC},E-LAW-02,2026-11-30,general,示例行`);
  });

  it('gives the same records as JSON Lines', () => {
    const jsonl = jsonlTemplate(DEPT_RULES, today);
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ sourceId: 'EXAMPLE-0001', subjectType: 'person', subjectId: EXAMPLE_ID_NUMBER, ruleId: 'P-LAW-03', severity: 'general' });
    expect(lines[1]).toMatchObject({ sourceId: 'EXAMPLE-0002', subjectType: 'enterprise', subjectId: EXAMPLE_USCC });
  });

  it('leaves severity empty for a positive rule', () => {
    const [person] = jsonlTemplate([BLOOD], today).text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(person).not.toHaveProperty('severity');
  });
});
