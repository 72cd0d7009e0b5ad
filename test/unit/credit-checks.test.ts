import { assessBusiness, distinctSubjects, summarise, type BusinessFacts } from '../../functions/credit-checks/credit-checks.domain';
import { MEASURES_V1 } from '../../functions/measures/measures-v1';
import type { Measure } from '../../functions/measures/measures.domain';
import type { CreditEventView } from '../../functions/points/points.schemas';
import { addMonths } from '../../functions/shared/domain/china-time';

const now = new Date('2026-12-07T04:00:00.000Z');
const monthsAgo = (m: number) => addMonths(now.toISOString(), -m);

const view = (ruleId: string, severity: CreditEventView['severity'], occurredAt: string, over: Partial<CreditEventView> = {}): CreditEventView => ({
  id: `e-${ruleId}-${occurredAt}`,
  ruleId,
  title: `规则 ${ruleId}`,
  dimension: 'law',
  dimensionLabel: '法律法规',
  points: -10,
  countedPoints: -10,
  occurredAt,
  countsUntil: addMonths(occurredAt, 36),
  status: 'active',
  severity,
  department: '某局',
  departmentId: 'org-dept-x',
  legalBasis: '依据',
  ruleVersion: 1,
  ...over,
});

const facts = (events: CreditEventView[], status: 'active' | 'revoked' | 'cancelled' = 'active'): BusinessFacts => ({
  uscc: '91410104MA45HX0Q3H',
  registry: { name: '郑州某公司', status },
  events,
});

describe('信用核查 verdicts (pure)', () => {
  it('is not_found outside the registry, whatever records exist for the code', () => {
    const r = assessBusiness({ uscc: 'X', registry: null, events: [view('E-LAW-07', 'serious', monthsAgo(1))] }, 'procurement', MEASURES_V1, now);
    expect(r).toMatchObject({ verdict: 'not_found', name: '' });
  });

  it.each([
    ['revoked', facts([], 'revoked'), /吊销/],
    ['cancelled', facts([], 'cancelled'), /注销/],
    ['a general penalty 11 months ago', facts([view('E-LAW-02', 'general', monthsAgo(11))]), /^近 12 个月受到行政处罚/],
    ['a serious penalty 2 years ago, still published', facts([view('E-LAW-03', 'serious', monthsAgo(24))]), /^严重失信/],
    ['a disputed court listing', facts([view('E-LAW-07', 'serious', monthsAgo(1), { status: 'disputed' })]), /^严重失信/],
    ['a breached commitment', facts([view('E-ETH-04', 'general', monthsAgo(2))]), /^违背信用承诺/],
  ])('restricts for %s', (_name, f, reason) => {
    const r = assessBusiness(f, 'approval', [], now);
    expect(r.verdict).toBe('restricted');
    expect(r.reasons.some((x) => reason.test(x))).toBe(true);
  });

  it.each([
    ['no records', facts([])],
    ['a general penalty 13 months ago', facts([view('E-LAW-02', 'general', monthsAgo(13))])],
    ['a repaired serious penalty', facts([view('E-LAW-03', 'serious', monthsAgo(3), { status: 'repaired' })])],
    ['an expired listing', facts([view('E-LAW-07', 'serious', monthsAgo(30), { countsUntil: monthsAgo(6) })])],
    ['a general 经营异常 record', facts([view('E-LAW-04', 'general', monthsAgo(2))])],
    ['a positive record', facts([view('E-HON-01', undefined, monthsAgo(2), { points: 10 })])],
  ])('is clear for %s', (_name, f) => {
    expect(assessBusiness(f, 'procurement', MEASURES_V1, now)).toMatchObject({ verdict: 'clear', reasons: [] });
  });

  it('mentions a light penalty of the last 12 months without restricting', () => {
    const r = assessBusiness(facts([view('E-LAW-01', 'light', monthsAgo(1))]), 'award', MEASURES_V1, now);
    expect(r).toMatchObject({ verdict: 'clear', reasons: [], notes: [expect.stringContaining('轻微行政处罚')] });
  });

  it('applies a measure only for the purposes it names', () => {
    const measure: Measure = { ...MEASURES_V1[0], id: 'M-TEST-01', title: '限制审批', ruleIds: ['E-LAW-04'], severity: 'general', affects: [], purposes: ['approval'] };
    const f = facts([view('E-LAW-04', 'general', monthsAgo(2))]);
    expect(assessBusiness(f, 'approval', [measure], now).reasons).toEqual([expect.stringContaining('适用联合惩戒措施「限制审批」')]);
    expect(assessBusiness(f, 'bidding', [measure], now).verdict).toBe('clear');
    // Measures saved before purposes existed restrict no purpose.
    const legacy = { ...measure, purposes: undefined } as unknown as Measure;
    expect(assessBusiness(f, 'approval', [legacy], now).verdict).toBe('clear');
  });

  it('counts the verdicts and takes each code once, trimmed and raised', () => {
    expect(summarise([{ verdict: 'clear' }, { verdict: 'restricted' }, { verdict: 'not_found' }, { verdict: 'clear' }])).toEqual({ total: 4, clear: 2, restricted: 1, notFound: 1 });
    expect(distinctSubjects([' 91a ', '91A', '92B'])).toEqual(['91A', '92B']);
  });
});
