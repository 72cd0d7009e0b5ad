import { parseCsvHeader, parseCsvLine, parseJsonLine, splitCsvLine } from '../../../functions/credit/import/parse-records';

describe('record file parsing', () => {
  it('splits RFC 4180 CSV with quotes, commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
    expect(splitCsvLine('"unclosed')).toBeNull();
  });

  it('maps a CSV line to a record by the header, leaving empty cells out', () => {
    const header = parseCsvHeader('\uFEFFsourceId,subjectType,subjectId,ruleId,occurredAt,severity,note');
    expect(parseCsvLine('S1,person,41010419880512301X,P-LAW-02,2026-01-01T00:00:00+08:00,,', header)).toEqual({
      ok: true,
      record: { sourceId: 'S1', subjectType: 'person', subjectId: '41010419880512301X', ruleId: 'P-LAW-02', occurredAt: '2026-01-01T00:00:00+08:00' },
    });
    expect(parseCsvLine('S1,person', header)).toEqual({ ok: false, message: '应有 7 列，实际 2 列' });
  });

  it('refuses unknown CSV columns up front', () => {
    expect(() => parseCsvHeader('sourceId,idNumber')).toThrow(/Unknown CSV columns: idNumber/);
  });

  it('accepts one JSON object per line and refuses anything else', () => {
    expect(parseJsonLine('{"sourceId":"S1"}')).toEqual({ ok: true, record: { sourceId: 'S1' } });
    expect(parseJsonLine('[1,2]').ok).toBe(false);
    expect(parseJsonLine('{oops').ok).toBe(false);
  });
});
