import { evaluate, personalPoints, type ScoredEvent } from '../../../functions/points/points.engine';
import { CATALOGUE_V1, CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { addMonths } from '../../../functions/rules/rules.domain';

/**
 * Only events that still stand use up a rule's yearly cap: a retracted event (never counts) and a
 * repaired one (from its repair on) give their share back to the rule's other events of that year.
 */
const rule = (id: string) => CATALOGUE_V1_RULES.find((r) => r.id === id)!;
let seq = 0;
const event = (ruleId: string, occurredAt: string, over: Partial<ScoredEvent> = {}): ScoredEvent => ({
  id: `c${String(++seq).padStart(4, '0')}`,
  ruleId,
  ruleVersion: 1,
  occurredAt,
  countsUntil: addMonths(occurredAt, rule(ruleId).validityMonths),
  state: 'recorded',
  ...over,
});
const counted = (events: ScoredEvent[], at: string) => evaluate(events, [CATALOGUE_V1], new Date(at)).contributions.map((c) => c.counted);

describe('yearly caps and repaired or retracted events', () => {
  // P-LAW-02: −2 a record, at most 6 a year (three records).
  // Light records count 3 months, so the four are close together and looked at while all count.
  const days = ['2026-02-01', '2026-02-10', '2026-02-20', '2026-03-01'];

  it('caps a rule at its yearly sum: the fourth light penalty of a year counts 0', () => {
    const events = days.map((d) => event('P-LAW-02', `${d}T10:00:00+08:00`));
    expect(counted(events, '2026-03-02T00:00:00+08:00')).toEqual([-2, -2, -2, 0]);
  });

  it('a retracted event uses none of the cap: the next one of that year counts in its place', () => {
    const [first, ...rest] = days.map((d) => event('P-LAW-02', `${d}T10:00:00+08:00`));
    const events = [{ ...first, state: 'retracted' as const, endedAt: '2026-03-01T12:00:00+08:00' }, ...rest];
    expect(counted(events, '2026-03-02T00:00:00+08:00')).toEqual([-2, -2, -2]);
    expect(evaluate(events, [CATALOGUE_V1], new Date('2026-03-02T00:00:00+08:00')).contributions.map((c) => c.eventId)).toEqual(rest.map((e) => e.id));
  });

  it('a repaired event uses the cap while it counted and gives it back from its repair on', () => {
    const [first, ...rest] = days.map((d) => event('P-LAW-02', `${d}T10:00:00+08:00`));
    const repairedAt = '2026-03-10T09:00:00+08:00';
    const events = [{ ...first, state: 'repaired' as const, endedAt: repairedAt }, ...rest];
    expect(counted(events, '2026-03-09T00:00:00+08:00')).toEqual([-2, -2, -2, 0]);
    expect(counted(events, repairedAt)).toEqual([0, -2, -2, -2]);
    // The change at the repair is announced, so a stored projection goes stale then.
    expect(evaluate(events, [CATALOGUE_V1], new Date('2026-03-09T00:00:00+08:00')).nextChangeAt).toBe(new Date(repairedAt).toISOString());
  });

  it('a repair below the cap takes the record’s points off', () => {
    const a = event('P-LAW-02', '2026-02-01T10:00:00+08:00', { state: 'repaired', endedAt: '2026-03-01T00:00:00+08:00' });
    const b = event('P-LAW-02', '2026-02-15T10:00:00+08:00');
    expect(personalPoints(evaluate([a, b], [CATALOGUE_V1], new Date('2026-03-02T00:00:00+08:00')).delta).points).toBe(98);
  });

  it('an expired event keeps its share: the cap bounds one year’s events over their lifetime', () => {
    // P-VIR-03: +2 per 20 hours, at most 20 a year, counting 12 months.
    const events = Array.from({ length: 11 }, (_, i) => event('P-VIR-03', `2026-${String(i + 1).padStart(2, '0')}-05T10:00:00+08:00`));
    expect(counted(events, '2026-12-01T00:00:00+08:00').at(-1)).toBe(0);
    const later = counted(events, '2027-01-10T00:00:00+08:00');
    expect(later[0]).toBe(0); // expired
    expect(later.at(-1)).toBe(0); // still capped
  });

  it('shares a cap only within one China calendar year and one rule', () => {
    const late = ['2026-10-05', '2026-10-20', '2026-11-05', '2026-11-20'];
    const events = [...late.map((d) => event('P-LAW-02', `${d}T10:00:00+08:00`)), event('P-LAW-02', '2027-01-01T00:10:00+08:00'), event('P-VIR-07', '2026-12-01T12:00:00+08:00')];
    const ev = evaluate(events, [CATALOGUE_V1], new Date('2027-01-02T00:00:00+08:00'));
    expect(ev.contributions.map((c) => c.counted)).toEqual([-2, -2, -2, 0, -2, -2]);
  });
});
