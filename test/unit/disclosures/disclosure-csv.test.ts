import { disclosureTemplate, normaliseDate, parseDisclosureCsv } from '../../../functions/disclosures/disclosure-csv';
import { validateDisclosure } from '../../../functions/disclosures/disclosures.domain';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';

const USCC = ((b: string) => b + usccCheckChar(b))('91410104MA45HX0Q3');
const now = new Date('2026-12-07T04:00:00Z');

describe('双公示 CSV files', () => {
  it.each(['penalty', 'license'] as const)('reads its own %s template back as one valid item', (kind) => {
    const parsed = parseDisclosureCsv(disclosureTemplate(kind, { uscc: USCC, today: '2026-12-07', authority: '市场监管局' }));
    expect(parsed).toMatchObject({ kind, problems: [] });
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0].line).toBe(2);
    const v = validateDisclosure(parsed.items[0].item, now);
    expect(v.ok).toBe(true);
  });

  it('converts 万元 to yuan, 失信程度, 简易程序 and 状态, and ignores the authority column (it is the sender’s)', () => {
    const text = '数据编号,行政相对人名称,统一社会信用代码,行政处罚决定书文号,处罚类别,处罚内容,处罚依据,罚款金额（万元）,处罚决定日期,失信程度,简易程序,处罚机关,状态\n'
      + `A1,甲公司,${USCC.toLowerCase()},文号1,罚款,内容,依据,1.25,2026/3/5,严重,否,别的机关,正常\n`
      + 'A2,甲公司,X,文号2,罚款,内容,依据,,2026-03-05,,是,,撤销\n';
    const parsed = parseDisclosureCsv(text);
    expect(parsed.items.map((i) => i.item)).toEqual([
      { kind: 'penalty', sourceId: 'A1', partyName: '甲公司', uscc: USCC, decisionNo: '文号1', category: '罚款', content: '内容', legalBasis: '依据', fineYuan: 12500, decidedOn: '2026-03-05', severity: 'serious', simpleProcedure: false },
      { kind: 'penalty', sourceId: 'A2', partyName: '甲公司', uscc: 'X', decisionNo: '文号2', category: '罚款', content: '内容', legalBasis: '依据', decidedOn: '2026-03-05', simpleProcedure: true, status: 'revoked' },
    ]);
  });

  it('reports a bad line alone, with a Chinese reason, and a bad header for the whole file', () => {
    const head = '数据编号,行政相对人名称,统一社会信用代码,行政处罚决定书文号,处罚类别,处罚内容,处罚依据,处罚决定日期,失信程度';
    const parsed = parseDisclosureCsv(`${head}\nA,甲,${USCC},1,罚款,内容,依据,2026-03-05,很严重\nB,"甲,${USCC}\nC,甲,${USCC},1,罚款,内容,依据,2026-03-05\n`);
    expect(parsed.items).toHaveLength(0);
    expect(parsed.problems).toEqual([
      { line: 2, sourceId: 'A', message: expect.stringContaining('失信程度') },
      { line: 3, message: 'CSV 引号未闭合' },
      { line: 4, sourceId: 'C', message: '应有 9 列，实际 8 列' },
    ]);
    expect(parseDisclosureCsv('sourceId,subjectType\n').fatal).toContain('表头不是双公示模板');
    expect(parseDisclosureCsv('数据编号,行政处罚决定书文号\n').fatal).toContain('缺少必需的列');
    expect(parseDisclosureCsv(`${head},备注\n`).fatal).toContain('模板之外的列：备注');
    expect(parseDisclosureCsv('\n\n').fatal).toBe('文件是空的');
  });

  it('normalises the usual ways of writing a date', () => {
    expect(['2026/3/5', '2026-03-05', '2026.3.5', '2026年3月5日'].map(normaliseDate)).toEqual(Array(4).fill('2026-03-05'));
    expect(normaliseDate('三月五日')).toBe('三月五日');
  });
});
