import fc from 'fast-check';
import { buildProjection, eventsThatMatter } from '../../../functions/credit/projection';
import type { ScoredEvent } from '../../../functions/points/points.engine';
import { CATALOGUE_V1, CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { addMonths } from '../../../functions/rules/rules.domain';

/**
 * Ingestion scores new records against the events that can still matter (carried in the
 * projection), not the whole history: the result must be the projection of the whole history,
 * now and at every later moment.
 */
const personRules = CATALOGUE_V1_RULES.filter((r) => r.subjectType === 'person');
const AT = new Date('2026-12-07T12:00:00+08:00');
const DAY = 86_400_000;

const eventArb = fc.record({
  rule: fc.constantFrom(...personRules),
  // Up to five years back (older records are not accepted), clustered so that caps bite.
  daysAgo: fc.oneof(fc.integer({ min: 0, max: 1825 }), fc.integer({ min: 330, max: 400 }), fc.integer({ min: 0, max: 40 })),
  state: fc.constantFrom('recorded', 'recorded', 'recorded', 'retracted', 'repaired'),
  endedDaysAfter: fc.integer({ min: 0, max: 400 }),
});

function toEvents(raw: Array<typeof eventArb extends fc.Arbitrary<infer T> ? T : never>): ScoredEvent[] {
  return raw.map((r, i) => {
    const occurredAt = new Date(AT.getTime() - r.daysAgo * DAY).toISOString();
    return {
      id: `e${String(i).padStart(4, '0')}`,
      ruleId: r.rule.id,
      ruleVersion: 1,
      occurredAt,
      countsUntil: addMonths(occurredAt, r.rule.validityMonths),
      state: r.state as ScoredEvent['state'],
      // Repaired or retracted when answered, which is never after the moment looked at.
      ...(r.state === 'recorded' ? {} : { endedAt: new Date(Math.min(AT.getTime(), Date.parse(occurredAt) + r.endedDaysAfter * DAY)).toISOString() }),
    };
  });
}

const scored = (p: ReturnType<typeof buildProjection>) => ({ dimensions: p.dimensions, delta: p.delta, activeNegatives: p.activeNegatives, activeRecords: p.activeRecords, nextChangeAt: p.nextChangeAt });

describe('bounded history', () => {
  it('scores the events that matter exactly like the whole history, now and later', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.integer({ min: 0, max: 800 }), (raw, laterDays) => {
        const all = toEvents(raw);
        const kept = eventsThatMatter(all, [CATALOGUE_V1], AT);
        expect(scored(buildProjection('P#x', kept, [CATALOGUE_V1], AT, 1))).toEqual(scored(buildProjection('P#x', all, [CATALOGUE_V1], AT, 1)));
        // What the projection carries is still enough later on (it only ever needs fewer).
        const later = new Date(AT.getTime() + laterDays * DAY);
        expect(scored(buildProjection('P#x', kept, [CATALOGUE_V1], later, 1))).toEqual(scored(buildProjection('P#x', all, [CATALOGUE_V1], later, 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out old expired events, keeping the expired ones that share a yearly cap with events that still count', () => {
    const ev = (id: string, ruleId: string, occurredAt: string): ScoredEvent => {
      const months = personRules.find((r) => r.id === ruleId)!.validityMonths;
      return { id, ruleId, ruleVersion: 1, occurredAt, countsUntil: addMonths(occurredAt, months), state: 'recorded' };
    };
    const old = Array.from({ length: 50 }, (_, i) => ev(`old${i}`, 'P-LAW-02', new Date(Date.parse('2022-03-01T00:00:00Z') + i * DAY).toISOString()));
    // P-LAW-02 counts 3 months; its cap (6 a year) is used by three July records that expired by December.
    const july = ['2026-07-01', '2026-07-02', '2026-07-03'].map((d, i) => ev(`jul${i}`, 'P-LAW-02', `${d}T10:00:00+08:00`));
    const recent = ev('dec', 'P-LAW-02', '2026-12-01T10:00:00+08:00');
    const kept = eventsThatMatter([...old, ...july, recent], [CATALOGUE_V1], AT).map((e) => e.id);
    expect(kept).toEqual(['jul0', 'jul1', 'jul2', 'dec']);
    // The December record counts 0: its year's cap is used up by the expired July ones.
    expect(buildProjection('P#x', [...july, recent].filter((e) => kept.includes(e.id)), [CATALOGUE_V1], AT, 1).delta).toBe(0);
    expect(buildProjection('P#x', [...old, ...july, recent], [CATALOGUE_V1], AT, 1).history?.map((e) => e.id)).toEqual(kept);
  });
});
