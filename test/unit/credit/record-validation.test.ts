import { validateRecord } from '../../../functions/credit/record-validation';
import { CATALOGUE_V1, CATALOGUE_V1_RULES } from '../../../functions/rules/catalogue-v1';
import { ruleProblems, type CatalogueVersion } from '../../../functions/rules/rules.domain';
import { idCheckChar } from '../../../functions/shared/domain/identifiers';

const now = new Date('2026-11-27T04:00:00Z');
const ctx = { department: 'org-dept-market', catalogue: [CATALOGUE_V1], now };
const base = { sourceId: 'S-1', subjectType: 'person', subjectId: '410104198805123010', ruleId: 'P-LAW-03', occurredAt: '2026-10-01T09:00:00+08:00' };

describe('validating one department record', () => {
  it('accepts a sound record and derives how long it counts', () => {
    const v = validateRecord(base, ctx);
    expect(v.ok).toBe(true);
    if (v.ok) {
      expect(v.record.ruleVersion).toBe(1);
      expect(v.record.occurredAt).toBe('2026-10-01T01:00:00.000Z');
      expect(v.record.countsUntil).toBe('2027-10-01T01:00:00.000Z');
    }
  });

  it('normalises a lower-case x check character', () => {
    const v = validateRecord({ ...base, subjectId: '11010519491231002x' }, ctx);
    expect(v.ok).toBe(true);
  });

  it.each([
    ['a province code no province has', '990104198805123016'],
    ['a birth date before 1900', '410104189905123019'],
    ['a birth date after the day it is reported', '410104202612013016'],
  ])('refuses a person identified by a number with %s (the shared ID check)', (_label, first18) => {
    const first17 = first18.slice(0, 17);
    const id = first17 + idCheckChar(first17);
    const v = validateRecord({ ...base, subjectId: id }, ctx);
    expect(v).toEqual({ ok: false, rejection: { code: 'INVALID_ID_NUMBER', message: expect.stringMatching(/省级行政区代码|早于 1900 年|晚于今天/) } });
  });

  it('refuses records for a moment before any catalogue version', () => {
    const later: CatalogueVersion = { ...CATALOGUE_V1, effectiveFrom: '2026-01-01T00:00:00Z' };
    const v = validateRecord({ ...base, occurredAt: '2025-06-01T00:00:00Z' }, { ...ctx, catalogue: [later] });
    expect(v).toEqual({ ok: false, rejection: { code: 'NO_RULE_IN_FORCE', message: expect.any(String) } });
  });

  it('allows five minutes of clock skew but no more', () => {
    expect(validateRecord({ ...base, occurredAt: new Date(now.getTime() + 4 * 60_000).toISOString() }, ctx).ok).toBe(true);
    expect(validateRecord({ ...base, occurredAt: new Date(now.getTime() + 6 * 60_000).toISOString() }, ctx).ok).toBe(false);
  });
});

describe('the seeded catalogue', () => {
  it('has at least 30 sound rules over five dimensions, for persons and enterprises', () => {
    expect(CATALOGUE_V1_RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CATALOGUE_V1_RULES.map((r) => r.id)).size).toBe(CATALOGUE_V1_RULES.length);
    expect(new Set(CATALOGUE_V1_RULES.map((r) => r.dimension)).size).toBe(5);
    expect(new Set(CATALOGUE_V1_RULES.map((r) => r.subjectType))).toEqual(new Set(['person', 'enterprise']));
    expect(CATALOGUE_V1_RULES.some((r) => r.points > 0) && CATALOGUE_V1_RULES.some((r) => r.points < 0)).toBe(true);
  });

  it.each(CATALOGUE_V1_RULES.map((r) => [r.id, r]))('%s is sound', (_id, r) => {
    expect(ruleProblems(r)).toEqual([]);
    expect(r.legalBasis.length).toBeGreaterThan(4);
  });
});
