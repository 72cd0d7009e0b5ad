import { WEEKENDS_ONLY, workCalendar } from '../../functions/shared/domain/holidays-cn';
import { addWorkingDays, evaluateCriteria, TRANSITIONS, STATUSES, type EnterpriseStanding, type ProductCriteria } from '../../functions/loans/loans.domain';

const now = new Date('2026-11-27T04:00:00Z');
const strong: EnterpriseStanding = { registered: true, registryStatus: 'active', grade: 'A', activeSerious: 0, penalties12m: 0, establishedOn: '2015-06-18', taxCreditGrade: 'A', restrictions: [] };
const criteria: ProductCriteria = { minGrade: 'B', noSeriousDishonesty: true, maxPenalties12m: 1, minYearsOperating: 2, minTaxGrade: 'B' };

describe('loan criteria', () => {
  it('passes every criterion for a strong business', () => {
    expect(evaluateCriteria(strong, criteria, now).every((c) => c.passed)).toBe(true);
  });

  it.each([
    ['grade', { grade: 'C' as const }, 'GRADE', '当前评价 C 级，要求 B 级及以上'],
    ['serious record', { activeSerious: 1 }, 'NO_SERIOUS', '存在 1 条公示中的严重失信记录，要求无'],
    ['penalties', { penalties12m: 2 }, 'PENALTIES_12M', '近12个月行政处罚 2 次，要求 ≤ 1 次'],
    ['years', { establishedOn: '2025-05-27' }, 'YEARS_OPERATING', '成立 1.5 年，要求 ≥ 2 年'],
    ['tax grade', { taxCreditGrade: 'M' as const }, 'TAX_GRADE', '纳税信用 M 级，要求 B 级及以上'],
    ['joint punishment', { restrictions: ['存在未修复的严重失信记录（限制申请信易贷，至 2029-11-27）'] }, 'JOINT_PUNISHMENT', '存在未修复的严重失信记录（限制申请信易贷，至 2029-11-27）'],
  ])('fails only the %s criterion with a concrete detail', (_label, over, code, detail) => {
    const result = evaluateCriteria({ ...strong, ...over }, criteria, now);
    const failed = result.filter((c) => !c.passed);
    expect(failed).toEqual([expect.objectContaining({ code, detail })]);
  });

  it('asks an unregistered business to register first', () => {
    const r = evaluateCriteria({ ...strong, registered: false }, criteria, now);
    expect(r[0]).toMatchObject({ code: 'REGISTERED', passed: false });
  });
});

describe('application state machine', () => {
  it('allows decisions only from SUBMITTED or UNDER_REVIEW, disbursement only after approval', () => {
    expect(TRANSITIONS.approve.from).toEqual(['SUBMITTED', 'UNDER_REVIEW']);
    expect(TRANSITIONS.reject.from).toEqual(['SUBMITTED', 'UNDER_REVIEW']);
    expect(TRANSITIONS.disburse.from).toEqual(['APPROVED']);
    expect(TRANSITIONS.withdraw.from).toEqual(['SUBMITTED', 'UNDER_REVIEW']);
    const terminal = ['REJECTED', 'DISBURSED', 'WITHDRAWN'];
    for (const t of Object.values(TRANSITIONS)) for (const s of terminal) expect(t.from).not.toContain(s);
    expect(STATUSES).toHaveLength(6);
  });
});

describe('working-day deadlines', () => {
  it('counts 10 working days from a Friday, skipping weekends, to the end of the day in China time', () => {
    // Friday 2026-11-27 → ten working days later is Friday 2026-12-11, 24:00 China time.
    expect(addWorkingDays('2026-11-27T04:00:00Z', 10, WEEKENDS_ONLY)).toBe('2026-12-11T16:00:00.000Z');
  });

  it('skips holidays and counts adjusted working weekends', () => {
    const start = '2026-09-28T02:00:00Z'; // Monday
    const plain = addWorkingDays(start, 5, WEEKENDS_ONLY);
    expect(plain).toBe('2026-10-05T16:00:00.000Z');
    const withHolidays = addWorkingDays(start, 5, workCalendar([{ year: 2026, holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], workdays: ['2026-10-04'], source: 'test' }]));
    expect(withHolidays).toBe('2026-10-07T16:00:00.000Z');
  });

  it('uses the China date of the start: a submission at 23:30 China time counts from that day', () => {
    expect(addWorkingDays('2026-11-26T15:30:00Z', 1, WEEKENDS_ONLY)).toBe('2026-11-27T16:00:00.000Z');
  });
});
