import { listBlocker, parseSubjectsList } from '../../client/src/packages/department/credit-check/subjects-list';
import { USCC_CHARSET, usccCheckChar } from '../../functions/shared/domain/identifiers';

/** A fresh valid code (a 管城回族区 enterprise's structure, random serial). */
function randomUscc(): string {
  let body = '91410104';
  while (body.length < 17) body += USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)];
  return body + usccCheckChar(body);
}

describe('the 信用核查 list as pasted or uploaded', () => {
  const a = randomUscc();
  const b = randomUscc();

  it('takes one code per line, raised and trimmed, each once, skipping blank lines', () => {
    const list = parseSubjectsList(`${a}\n\n  ${b.toLowerCase()} \r\n${a}\n`);
    expect(list).toEqual({ codes: [a, b], problems: [], repeats: 1 });
    expect(listBlocker(list)).toBeNull();
  });

  it('reads a CSV with a header: the 18-character cell of each line', () => {
    const csv = `\uFEFF企业名称,统一社会信用代码\n"郑州甲公司","${a}"\n郑州乙公司，${b}\n`;
    expect(parseSubjectsList(csv)).toEqual({ codes: [a, b], problems: [], repeats: 0 });
  });

  it('names every line that is no valid code, with the reason the API would give', () => {
    const badCheck = a.slice(0, 17) + (a[17] === '0' ? '1' : '0');
    const list = parseSubjectsList(`${a}\n${badCheck}\n9141010\n郑州丙公司`);
    expect(list.codes).toEqual([a]);
    expect(list.problems).toEqual([
      { line: 2, value: badCheck, message: expect.stringContaining('校验位') },
      { line: 3, value: '9141010', message: '统一社会信用代码应为 18 位' },
      { line: 4, value: '郑州丙公司', message: expect.any(String) },
    ]);
    expect(listBlocker(list)).toBe('有 3 行不是有效的统一社会信用代码，请改正或删除后再核查');
  });

  it('refuses an empty list and more than 200 businesses', () => {
    expect(listBlocker(parseSubjectsList(' \n'))).toBe('请填写至少 1 个统一社会信用代码，每行一个');
    const many = Array.from({ length: 201 }, () => randomUscc()).join('\n');
    expect(listBlocker(parseSubjectsList(many))).toBe('每次最多核查 200 家企业，当前 201 家，请分批核查');
  });
});
