import { draftErrors, emptyDraft, outcomeOf, toItem } from '../../client/src/packages/department/disclosure-submit/draft';
import { resultsOfCall } from '../../client/src/packages/department/disclosure-upload/lines';
import { publicityText } from '../../client/src/packages/department/disclosures/index';
import { monthColumn, monthLabel, overall, rankedDepartments, rateText } from '../../client/src/packages/admin/disclosure-timeliness/figures';
import type { DepartmentDisclosure, TimelinessReport } from '../../client/src/services/disclosures-api';

const USCC = '91350100M000100Y43';
const TODAY = '2026-12-07';

describe('the 双公示 form', () => {
  it('asks for every required field of its kind, and sends only that kind’s fields', () => {
    const penalty = emptyDraft('penalty', 'MARKET-1', TODAY);
    expect(Object.keys(draftErrors(penalty, TODAY)).sort()).toEqual(['content', 'decisionNo', 'legalBasis', 'partyName', 'uscc']);
    const filled = { ...penalty, uscc: USCC, partyName: '甲公司', decisionNo: '文号', content: '内容', legalBasis: '依据', fineYuan: '5000' };
    expect(draftErrors(filled, TODAY)).toEqual({});
    expect(draftErrors({ ...filled, decidedOn: '2026-12-08' }, TODAY).decidedOn).toBe('决定日期不能晚于今天');
    expect(draftErrors({ ...filled, fineYuan: '-1' }, TODAY).fineYuan).toContain('不小于 0');
    expect(toItem(filled)).toEqual({ kind: 'penalty', sourceId: 'MARKET-1', uscc: USCC, partyName: '甲公司', decisionNo: '文号', decidedOn: TODAY, category: '罚款', content: '内容', legalBasis: '依据', severity: 'general', fineYuan: 5000 });
    const licence = { ...emptyDraft('license', 'MARKET-2', TODAY), uscc: USCC, partyName: '乙', decisionNo: 'JY1', content: '食品经营', legalBasis: '依据', validTo: '2026-01-01' };
    expect(draftErrors(licence, TODAY).validTo).toBe('有效期至不能早于有效期自');
    expect(toItem({ ...licence, validTo: '2031-12-06' })).toMatchObject({ kind: 'license', validFrom: TODAY, validTo: '2031-12-06' });
    expect(toItem({ ...licence, validTo: '2031-12-06' })).not.toHaveProperty('severity');
  });

  it('reads the answer to a one-item call', () => {
    expect(outcomeOf({ accepted: 1, duplicates: 0, rejected: [], late: [0] })).toEqual({ kind: 'accepted', late: true });
    expect(outcomeOf({ accepted: 0, duplicates: 1, rejected: [], late: [] })).toEqual({ kind: 'duplicate', late: false });
    expect(outcomeOf({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: 'INVALID_USCC', message: '统一社会信用代码校验位不正确' }], late: [] })).toEqual({ kind: 'rejected', reason: '统一社会信用代码校验位不正确' });
  });
});

describe('the 双公示 list', () => {
  const base = { kind: 'penalty', status: 'published', severity: 'general', publicUntil: '2027-12-06T16:00:00.000Z', creditRecordState: 'recorded' } as DepartmentDisclosure;
  it.each([
    [base, '公示至 2027-12-06'],
    [{ ...base, creditRecordState: 'repaired', publicUntil: '2026-12-07T02:00:00.000Z' }, '已信用修复，公示至 2026-12-07'],
    [{ ...base, publicUntil: null, severity: 'light' }, '轻微失信，不予公示'],
    [{ ...base, publicUntil: null, simpleProcedure: true }, '简易程序，不予公示'],
    [{ ...base, publicUntil: null }, '仅警告，不予公示'],
    [{ ...base, status: 'revoked', publicUntil: null }, '已撤销，不再公示'],
    [{ ...base, kind: 'license', publicUntil: null }, '长期公示'],
  ] as Array<[DepartmentDisclosure, string]>)('says how long %# is public', (d, text) => {
    expect(publicityText(d)).toBe(text);
  });
});

describe('the 双公示 upload’s line results', () => {
  const items = [2, 3, 4].map((line) => ({ line, item: { sourceId: `S-${line}`, uscc: USCC } }));
  it('marks rejections and late ones, and the rest from the counts when they leave no doubt', () => {
    const all = resultsOfCall(items, { accepted: 2, duplicates: 0, rejected: [{ index: 1, code: 'INVALID_DATE', message: '决定日期不是有效日期' }], late: [2] });
    expect(all.map((r) => [r.line, r.status, r.reason ?? ''])).toEqual([[2, 'accepted', ''], [3, 'rejected', '决定日期不是有效日期'], [4, 'accepted', '迟报：决定作出后超过 7 个工作日报送']]);
    expect(resultsOfCall(items, { accepted: 0, duplicates: 3, rejected: [], late: [] }).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(resultsOfCall(items, { accepted: 1, duplicates: 2, rejected: [], late: [] }).map((r) => r.status)).toEqual(['unresolved', 'unresolved', 'unresolved']);
  });
});

describe('the console’s timeliness figures', () => {
  const month = (m: string, onTime: number, late: number, missing: number | null = null) => ({ month: m, onTime, late, declared: missing === null ? null : onTime + late + missing, missing });
  const report: TimelinessReport = {
    months: ['2026-11', '2026-12'],
    departments: [
      { orgId: 'a', name: '甲局', onTime: 9, late: 0, missing: null, onTimeRate: 1, monthly: [month('2026-11', 4, 0), month('2026-12', 5, 0)] },
      { orgId: 'b', name: '乙局', onTime: 3, late: 1, missing: 2, onTimeRate: 0.75, monthly: [month('2026-11', 3, 1, 2), month('2026-12', 0, 0)] },
      { orgId: 'c', name: '丙局', onTime: 0, late: 0, missing: null, onTimeRate: null, monthly: [month('2026-11', 0, 0), month('2026-12', 0, 0)] },
    ],
    trend: [],
  };
  it('sums the period, ranks late and missing first, and formats rates and months', () => {
    expect(overall(report)).toEqual({ onTime: 12, late: 1, missing: 2, rate: 12 / 13 });
    expect(rankedDepartments(report).map((d) => d.orgId)).toEqual(['b', 'a', 'c']);
    expect([rateText(12 / 13), rateText(1), rateText(null)]).toEqual(['92.3%', '100.0%', '—']);
    expect(monthLabel('2026-03')).toBe('3月');
    expect(monthColumn('2026-10')).toEqual({ label: '10', spoken: '2026年10月' });
  });
});
