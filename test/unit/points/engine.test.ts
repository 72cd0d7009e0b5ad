import fc from 'fast-check';
import { enterpriseGrade, evaluate, gradeInputs, personalPoints, type ScoredEvent } from '../../../functions/points/points.engine';
import { CATALOGUE_V1, CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { addMonths, type CatalogueVersion } from '../../../functions/rules/rules.domain';

const catalogue: CatalogueVersion[] = [CATALOGUE_V1];
const NOW = new Date('2026-11-27T04:00:00.000Z');
const rule = (id: string) => CATALOGUE_V1_RULES.find((r) => r.id === id)!;

let seq = 0;
const event = (ruleId: string, occurredAt: string, over: Partial<ScoredEvent> = {}): ScoredEvent => ({
  id: `e${String(++seq).padStart(4, '0')}`,
  ruleId,
  ruleVersion: 1,
  occurredAt,
  countsUntil: addMonths(occurredAt, rule(ruleId).validityMonths),
  state: 'recorded',
  ...over,
});

const points = (events: ScoredEvent[], at = NOW) => personalPoints(evaluate(events, catalogue, at).delta).points;

describe('points engine', () => {
  it('starts at 100 with no events', () => {
    expect(points([])).toBe(100);
    expect(evaluate([], catalogue, NOW).nextChangeAt).toBeNull();
  });

  it('counts an event from its occurrence until countsUntil', () => {
    const e = event('P-LAW-03', '2026-06-01T00:00:00.000Z'); // general: 12 months
    expect(points([e], new Date('2026-05-31T23:59:59.000Z'))).toBe(100);
    expect(points([e], new Date('2026-06-01T00:00:00.000Z'))).toBe(92);
    expect(points([e], new Date('2027-05-31T23:59:59.000Z'))).toBe(92);
    expect(points([e], new Date('2027-06-01T00:00:00.000Z'))).toBe(100);
    expect(evaluate([e], catalogue, NOW).nextChangeAt).toBe('2027-06-01T00:00:00.000Z');
  });

  it('applies the yearly cap per rule and calendar year, in order of occurrence', () => {
    const blood = ['2026-02-01', '2026-04-01', '2026-06-01', '2026-08-01'].map((d) => event('P-VIR-01', `${d}T00:00:00.000Z`));
    const ev = evaluate(blood, catalogue, NOW);
    expect(ev.dimensions.virtue).toBe(15);
    expect(ev.contributions.map((c) => c.counted)).toEqual([5, 5, 5, 0]);
    const nextYear = event('P-VIR-01', '2027-01-10T00:00:00.000Z');
    expect(evaluate([...blood, nextYear], catalogue, new Date('2027-02-01T00:00:00Z')).dimensions.virtue).toBe(20);
  });

  it('uses China Standard Time for the cap year', () => {
    // 2026-12-31T20:00Z is already 2027-01-01 in Beijing.
    const a = ['2026-03-01', '2026-05-01', '2026-07-01'].map((d) => event('P-VIR-01', `${d}T00:00:00.000Z`));
    const late = event('P-VIR-01', '2026-12-31T20:00:00.000Z');
    expect(evaluate([...a, late], catalogue, new Date('2027-01-02T00:00:00Z')).dimensions.virtue).toBe(20);
  });

  it('never counts a retracted event, and stops a repaired one when it was repaired', () => {
    const occurred = '2026-01-10T00:00:00.000Z';
    expect(points([event('P-LAW-03', occurred, { state: 'retracted' })])).toBe(100);
    const repaired = event('P-LAW-03', occurred, { state: 'repaired', endedAt: '2026-06-01T00:00:00.000Z' });
    expect(points([repaired], new Date('2026-05-01T00:00:00Z'))).toBe(92);
    expect(points([repaired], new Date('2026-06-02T00:00:00Z'))).toBe(100);
  });

  it('ignores an event whose rule is not in the catalogue (no rule, no points)', () => {
    expect(points([{ ...event('P-LAW-03', '2026-06-01T00:00:00Z'), ruleId: 'P-NOPE-01' }])).toBe(100);
    expect(points([{ ...event('P-LAW-03', '2026-06-01T00:00:00Z'), ruleVersion: 9 }])).toBe(100);
  });

  const arbEvents = fc.array(
    fc.record({
      ruleId: fc.constantFrom(...CATALOGUE_V1_RULES.filter((r) => r.subjectType === 'person').map((r) => r.id)),
      day: fc.integer({ min: 0, max: 5 * 365 }),
      state: fc.constantFrom('recorded', 'recorded', 'recorded', 'retracted', 'repaired') as fc.Arbitrary<ScoredEvent['state']>,
    }),
    { maxLength: 60 },
  ).map((xs) =>
    xs.map((x, i) => {
      const occurredAt = new Date(Date.UTC(2022, 0, 1) + x.day * 86_400_000).toISOString();
      return {
        id: `p${String(i).padStart(3, '0')}`,
        ruleId: x.ruleId,
        ruleVersion: 1,
        occurredAt,
        countsUntil: addMonths(occurredAt, rule(x.ruleId).validityMonths),
        state: x.state,
        ...(x.state === 'repaired' ? { endedAt: addMonths(occurredAt, 1) } : {}),
      };
    }),
  );
  const arbMoment = fc.integer({ min: 0, max: 6 * 365 }).map((d) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000));

  it('property: points always lie within 0–200', () => {
    fc.assert(fc.property(arbEvents, arbMoment, (events, at) => {
      const p = points(events, at);
      return p >= 0 && p <= 200;
    }));
  });

  it('property: the order of the events does not matter', () => {
    fc.assert(fc.property(arbEvents, arbMoment, fc.nat(), (events, at, seed) => {
      const shuffled = [...events].sort((a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 7) - ((b.id.charCodeAt(3) * 31 + seed) % 7));
      return JSON.stringify(evaluate(events, catalogue, at).dimensions) === JSON.stringify(evaluate(shuffled, catalogue, at).dimensions);
    }));
  });

  it('property: the same inputs give the same answer', () => {
    fc.assert(fc.property(arbEvents, arbMoment, (events, at) =>
      JSON.stringify(evaluate(events, catalogue, at)) === JSON.stringify(evaluate(events, catalogue, at))));
  });

  it('property: no rule ever counts more than its yearly cap in a year', () => {
    fc.assert(fc.property(arbEvents, arbMoment, (events, at) => {
      const ev = evaluate(events, catalogue, at);
      const byRuleYear = new Map<string, number>();
      for (const c of ev.contributions) {
        const e = events.find((x) => x.id === c.eventId)!;
        const key = `${c.ruleId}|${new Date(new Date(e.occurredAt).getTime() + 8 * 3600_000).getUTCFullYear()}`;
        byRuleYear.set(key, (byRuleYear.get(key) ?? 0) + Math.abs(c.counted));
      }
      return [...byRuleYear].every(([key, sum]) => sum <= rule(key.split('|')[0]).yearlyCap);
    }));
  });

  it('property: nothing changes between `at` and nextChangeAt', () => {
    fc.assert(fc.property(arbEvents, arbMoment, (events, at) => {
      const ev = evaluate(events, catalogue, at);
      const until = ev.nextChangeAt ? new Date(ev.nextChangeAt).getTime() : at.getTime() + 3 * 365 * 86_400_000;
      const mid = new Date(Math.floor((at.getTime() + until) / 2));
      return evaluate(events, catalogue, mid).delta === ev.delta;
    }));
  });

  it('property: an expired event never counts', () => {
    fc.assert(fc.property(arbEvents, arbMoment, (events, at) =>
      evaluate(events, catalogue, at).contributions.every((c) => {
        const e = events.find((x) => x.id === c.eventId)!;
        return at.getTime() < new Date(e.countsUntil).getTime() || c.counted === 0;
      })));
  });
});

describe('each seeded rule scored alone', () => {
  it.each(CATALOGUE_V1_RULES.map((r) => [r.id, r]))('%s counts its points, then stops after its validity', (_id, r) => {
    const occurredAt = '2025-03-15T02:00:00.000Z';
    const e = event(r.id, occurredAt);
    const ev = evaluate([e], catalogue, new Date('2025-03-16T00:00:00Z'));
    expect(ev.dimensions[r.dimension]).toBe(r.points);
    const after = evaluate([e], catalogue, new Date(addMonths(occurredAt, r.validityMonths)));
    expect(after.delta).toBe(0);
  });
});

describe('enterprise grade', () => {
  const grade = (ruleIds: string[]) => enterpriseGrade(gradeInputs(evaluate(ruleIds.map((id) => event(id, '2026-10-01T00:00:00Z')), catalogue, NOW)));
  it.each([
    [[], 'A'],
    [['E-HON-02'], 'A'],
    [['E-LAW-01'], 'B'],
    [['E-HON-01', 'E-HON-02', 'E-LAW-02'], 'B'],
    [['E-LAW-02', 'E-LAW-04'], 'B'],
    [['E-HON-01', 'E-HON-02', 'E-LAW-03'], 'C'],
    [['E-LAW-05'], 'C'],
    [['E-LAW-05', 'E-LAW-06'], 'D'],
  ])('records %j give grade %s', (ids, expected) => {
    const g = grade(ids as string[]);
    expect(g.grade).toBe(expected);
    expect(g.drivers.length).toBeGreaterThan(0);
  });
});
