import {
  counterDeltas,
  creditRecordOf,
  disclosureDeadline,
  isLate,
  isPublicAt,
  isWarningOnly,
  lastPublicDay,
  planItem,
  publicUntil,
  validateDisclosure,
  type DecisionFields,
  type Disclosure,
} from '../../../functions/disclosures/disclosures.domain';
import { monthStats, monthsUpTo } from '../../../functions/disclosures/timeliness';
import { BUNDLED_CALENDAR as calendar } from '../../../functions/shared/domain/holidays-cn';
import { usccCheckChar } from '../../../functions/shared/domain/identifiers';


const china = (local: string) => new Date(`${local}+08:00`).toISOString();
const USCC = ((b: string) => b + usccCheckChar(b))('91410104MA45HX0Q3');

const fields = (over: Partial<DecisionFields> = {}): DecisionFields => ({
  kind: 'penalty',
  sourceId: 'CF-1',
  uscc: USCC,
  partyName: '郑州华信商贸有限公司',
  decisionNo: '管市监罚〔2026〕12号',
  decidedOn: '2026-01-15',
  category: '罚款',
  content: '罚款五千元',
  legalBasis: '《食品安全法》第一百二十四条',
  severity: 'general',
  fineYuan: 5000,
  ...over,
});

const ctx = { department: 'org-dept-market', authorityName: '市场监管局', now: china('2026-01-16T10:00:00'), calendar };
const stored = (over: Partial<DecisionFields> = {}, at = ctx.now): Disclosure => {
  const plan = planItem({ status: 'published', fields: fields(over) }, null, { ...ctx, now: at });
  if (plan.kind !== 'write') throw new Error('expected a write');
  return plan.next;
};

describe('publicity periods (NDRC Order 2025 No. 36, from the decision day in China time)', () => {
  it.each([
    ['general', '2026-01-15', china('2027-01-15T00:00:00')],
    ['serious', '2026-01-15', china('2029-01-15T00:00:00')],
    ['general', '2026-01-31', china('2027-01-31T00:00:00')],
    ['serious', '2028-02-29', china('2031-02-28T00:00:00')],
  ] as const)('a %s penalty of %s is public until %s (its maximum)', (severity, decidedOn, until) => {
    expect(publicUntil(fields({ severity, decidedOn }))).toBe(until);
  });

  it.each([
    ['light', { severity: 'light' as const }],
    ['without severity (light)', { severity: undefined }],
    ['by simple procedure', { simpleProcedure: true }],
    ['a warning alone', { category: '警告' }],
    ['a warning alone, written twice', { category: '警告；警告' }],
  ])('never publishes a penalty %s', (_label, over) => {
    expect(publicUntil(fields(over))).toBeNull();
    expect(isPublicAt(stored(over), new Date(china('2026-02-01T00:00:00')))).toBe(false);
  });

  it('publishes a warning together with a fine, and a licence without an end', () => {
    expect(isWarningOnly('警告、罚款')).toBe(false);
    expect(publicUntil(fields({ category: '警告、罚款' }))).not.toBeNull();
    const licence = stored({ kind: 'license', severity: undefined, fineYuan: undefined, validFrom: '2026-01-15', validTo: '2031-01-14' });
    expect(publicUntil(licence)).toBeNull();
    expect(isPublicAt(licence, new Date(china('2030-01-01T00:00:00')))).toBe(true);
  });

  it('is public from the first instant of the decision day to the instant before its end', () => {
    const d = stored();
    expect(isPublicAt(d, new Date(new Date(china('2026-01-15T00:00:00')).getTime() - 1))).toBe(false);
    expect(isPublicAt(d, new Date(china('2026-01-15T00:00:00')))).toBe(true);
    expect(isPublicAt(d, new Date(new Date(china('2027-01-15T00:00:00')).getTime() - 1))).toBe(true);
    expect(isPublicAt(d, new Date(china('2027-01-15T00:00:00')))).toBe(false);
    expect(lastPublicDay(publicUntil(d)!)).toBe('2027-01-14');
  });

  it('ends publication at an approved repair, and at the department’s 公示截止期', () => {
    const repaired = china('2026-05-01T09:00:00');
    expect(publicUntil(stored(), repaired)).toBe(repaired);
    expect(isPublicAt(stored(), new Date(china('2026-05-01T10:00:00')), repaired)).toBe(false);
    expect(publicUntil(fields({ publicityEndsOn: '2026-07-14' }))).toBe(china('2026-07-15T00:00:00'));
  });

  it('accepts a 公示截止期 only between the minimum and the maximum', () => {
    const now = new Date(china('2026-01-16T10:00:00'));
    const check = (publicityEndsOn: string, severity = 'general') => {
      const v = validateDisclosure({ ...fields({ severity: severity as 'general' }), publicityEndsOn }, now);
      return v.ok ? 'ok' : v.rejection.code;
    };
    expect(check('2026-04-13')).toBe('INVALID_PUBLICITY_PERIOD');
    expect(check('2026-04-14')).toBe('ok');
    expect(check('2027-01-14')).toBe('ok');
    expect(check('2027-01-15')).toBe('INVALID_PUBLICITY_PERIOD');
    expect(check('2027-01-14', 'serious')).toBe('ok');
    expect(check('2027-01-13', 'serious')).toBe('INVALID_PUBLICITY_PERIOD');
    expect(check('2026-03-01', 'light')).toBe('NOT_PUBLISHED');
  });
});

describe('lateness: 7 working days after the decision', () => {
  it.each([
    // 国庆 2026: 10/1–10/7 off, Saturday 10/10 worked.
    ['2026-09-29', '2026-10-15'],
    // A Friday: two weekends in between.
    ['2026-11-20', '2026-12-02'],
    // 春节 2026: 2/15–2/23 off, Saturdays 2/14 and 2/28 worked (the 2nd and the 7th).
    ['2026-02-12', '2026-03-01'],
  ])('a decision of %s is due before %s (China time)', (decidedOn, dueBefore) => {
    expect(disclosureDeadline(decidedOn, calendar)).toBe(china(`${dueBefore}T00:00:00`));
    expect(isLate(decidedOn, new Date(new Date(china(`${dueBefore}T00:00:00`)).getTime() - 1).toISOString(), calendar)).toBe(false);
    expect(isLate(decidedOn, china(`${dueBefore}T00:00:00`), calendar)).toBe(true);
  });
});

describe('re-sends', () => {
  const later = { ...ctx, now: china('2026-03-01T10:00:00') };

  it('is a duplicate when nothing changed, and keeps the first receipt’s lateness on a correction', () => {
    const first = stored();
    expect(planItem({ status: 'published', fields: fields() }, first, later).kind).toBe('duplicate');
    const corrected = planItem({ status: 'published', fields: fields({ fineYuan: 6000 }) }, first, later);
    expect(corrected).toMatchObject({ kind: 'write', next: { fineYuan: 6000, late: false, revision: 2, creditRevision: 1, retiredCreditSources: [] } });
  });

  it('retires the credit record when what it scores changes, and on revocation; a correction drops fields it leaves out', () => {
    const first = stored();
    const serious = planItem({ status: 'published', fields: fields({ severity: 'serious', fineYuan: undefined }) }, first, later);
    if (serious.kind !== 'write') throw new Error('write expected');
    expect(serious.next).toMatchObject({ creditRevision: 2, retiredCreditSources: ['DISC-CF-1'] });
    expect(serious.next.fineYuan).toBeUndefined();
    expect(creditRecordOf(serious.next)).toMatchObject({ sourceId: 'DISC-CF-1.R2', ruleId: 'E-LAW-03', subjectId: USCC, occurredAt: china('2026-01-15T00:00:00') });
    const revoked = planItem({ status: 'revoked', kind: 'penalty', sourceId: 'CF-1' }, serious.next, later);
    if (revoked.kind !== 'write') throw new Error('write expected');
    expect(revoked.next).toMatchObject({ status: 'revoked', retiredCreditSources: ['DISC-CF-1', 'DISC-CF-1.R2'] });
    expect(creditRecordOf(revoked.next)).toBeNull();
    expect(planItem({ status: 'revoked', kind: 'penalty', sourceId: 'CF-1' }, revoked.next, later).kind).toBe('duplicate');
    expect(planItem({ status: 'revoked', kind: 'license', sourceId: 'CF-1' }, first, later)).toMatchObject({ kind: 'reject', rejection: { code: 'KIND_MISMATCH' } });
  });

  it('moves the month counters only when the month or the lateness changes', () => {
    const first = stored();
    expect(counterDeltas(null, first)).toEqual([{ month: '2026-01', onTime: 1, late: 0 }]);
    const moved = planItem({ status: 'published', fields: fields({ decidedOn: '2025-12-20' }) }, first, later);
    if (moved.kind !== 'write') throw new Error('write expected');
    expect(moved.next.late).toBe(true);
    expect(counterDeltas(first, moved.next)).toEqual([{ month: '2026-01', onTime: -1, late: 0 }, { month: '2025-12', onTime: 0, late: 1 }]);
    expect(counterDeltas(first, { ...first, status: 'revoked' })).toEqual([]);
  });
});

describe('the timeliness report', () => {
  it('lists the last months up to the current China month', () => {
    expect(monthsUpTo(new Date(china('2026-03-01T00:30:00')), 4)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(monthsUpTo(new Date('2026-02-28T16:30:00Z'), 1)).toEqual(['2026-03']);
  });

  it('counts missing only where a count was declared, never below zero', () => {
    expect(monthStats('2026-01', { month: '2026-01', onTime: 3, late: 1, declared: 6 })).toMatchObject({ missing: 2 });
    expect(monthStats('2026-01', { month: '2026-01', onTime: 3, late: 1, declared: 2 })).toMatchObject({ missing: 0 });
    expect(monthStats('2026-01', { month: '2026-01', onTime: 3, late: 1, declared: null })).toMatchObject({ missing: null });
    expect(monthStats('2026-01', undefined)).toEqual({ month: '2026-01', onTime: 0, late: 0, declared: null, missing: null });
  });
});
