import { nameKeyChanges, nameKeys, nameQuery, MAX_INDEXED_POSITIONS, searchableName, usccOfNameKey } from '../../../functions/registry/name-keys';
import { barringBreaches, breachStillBars, subjectMatterProblem, type Breach, type Commitment } from '../../../functions/commitments/commitments.domain';
import type { CreditEvent } from '../../../functions/credit/credit.types';

const USCC = '91410104MA45HX0Q3H';

describe('the registry name index (pure)', () => {
  it('keys the whole name as the prefix key and every later position as a bigram key', () => {
    const keys = nameKeys('华信商贸', USCC);
    expect(keys).toEqual([
      { pk: 'NAMEPFX#华信', sk: `华信商贸#${USCC}` },
      { pk: 'NAMEGRAM#信商', sk: `信商贸#${USCC}` },
      { pk: 'NAMEGRAM#商贸', sk: `商贸#${USCC}` },
    ]);
    expect(keys.map((k) => usccOfNameKey(k.sk))).toEqual([USCC, USCC, USCC]);
  });

  it('finds every name that contains the query: its first two characters name the partition, the rest is a sort-key prefix', () => {
    const name = '郑州华信商贸有限公司';
    for (const q of ['郑州', '华信商贸', '有限公司', '贸有']) {
      const query = nameQuery(q)!;
      const hits = nameKeys(name, USCC).filter((k) => query.partitions.includes(k.pk) && k.sk.startsWith(query.prefix));
      expect({ q, hits: hits.length }).toEqual({ q, hits: 1 });
    }
    const miss = nameQuery('华商')!;
    expect(nameKeys(name, USCC).filter((k) => miss.partitions.includes(k.pk) && k.sk.startsWith(miss.prefix))).toEqual([]);
  });

  it('normalises full-width forms, spaces, Latin case and the # separator; refuses queries under two characters', () => {
    expect(searchableName(' ＡＢＣ 科技（郑州）#1 ')).toBe('abc科技(郑州)1');
    expect(nameQuery('华')).toBeNull();
    expect(nameQuery('  ')).toBeNull();
    expect(nameQuery('ＡＢ')?.prefix).toBe('ab');
  });

  it('indexes at most 40 starting positions of a long name', () => {
    expect(nameKeys('长'.repeat(100), USCC)).toHaveLength(MAX_INDEXED_POSITIONS);
  });

  it('on a rename removes only the keys the new name lacks and adds only the new ones', () => {
    const { remove, add } = nameKeyChanges('华信商贸', '华信科技', USCC);
    expect(remove.map((k) => k.sk)).toEqual([`华信商贸#${USCC}`, `信商贸#${USCC}`, `商贸#${USCC}`]);
    expect(add.map((k) => k.sk)).toEqual([`华信科技#${USCC}`, `信科技#${USCC}`, `科技#${USCC}`]);
    expect(nameKeyChanges('华信商贸', '华信商贸', USCC)).toEqual({ remove: [], add: [] });
    expect(nameKeyChanges(null, '华信', USCC)).toEqual({ remove: [], add: [{ pk: 'NAMEPFX#华信', sk: `华信#${USCC}` }] });
  });
});

describe('commitments (pure)', () => {
  const now = new Date('2026-12-07T12:00:00+08:00');
  const breach: Breach = { reason: '核查不符', occurredOn: '2026-12-01', severity: 'light', department: 'org-dept-market', departmentName: '市场监管局', recordedAt: '2026-12-01T10:00:00Z', recordedBy: 'u', sourceId: 'CMT-BREACH:cm-1' };
  const event = (over: Partial<CreditEvent>): CreditEvent => ({
    id: 'ev-1', subjectKey: `E#${USCC}`, subjectType: 'enterprise', ruleId: 'E-ETH-03', ruleVersion: 1, occurredAt: '2026-11-30T16:00:00Z', countsUntil: '2027-02-28T16:00:00Z',
    state: 'recorded', department: 'org-dept-market', sourceId: 'CMT-BREACH:cm-1', receivedAt: '2026-12-01T10:00:00Z', ...over,
  } as CreditEvent);
  const commitment = (over: Partial<Commitment>): Commitment => ({ id: 'cm-1', uscc: USCC, orgId: 'o', enterpriseName: 'e', templateId: 'tpl-approval', type: 'approval', title: 't', clauses: [], signedAt: '2026-11-01T00:00:00Z', signedBy: 'u', ...over });

  it('a breach bars until its record is repaired, retracted or no longer counts — and while its record is missing', () => {
    expect(breachStillBars(breach, [event({})], now)).toBe(true);
    expect(breachStillBars(breach, [], now)).toBe(true);
    expect(breachStillBars(breach, [event({ state: 'repaired', endedAt: '2026-12-05T00:00:00Z' })], now)).toBe(false);
    expect(breachStillBars(breach, [event({ state: 'repaired', endedAt: '2026-12-09T00:00:00Z' })], now)).toBe(true);
    expect(breachStillBars(breach, [event({ state: 'retracted' })], now)).toBe(false);
    expect(breachStillBars(breach, [event({ countsUntil: '2026-12-06T00:00:00Z' })], now)).toBe(false);
    // Another department's record with the same sourceId is not this breach's.
    expect(breachStillBars(breach, [event({ department: 'org-dept-tax', state: 'retracted' })], now)).toBe(true);
  });

  it('only breached 告知承诺 bar, not breaches of other types', () => {
    expect(barringBreaches([commitment({ breach })], [event({})], now)).toHaveLength(1);
    expect(barringBreaches([commitment({ type: 'proactive', breach })], [event({})], now)).toHaveLength(0);
    expect(barringBreaches([commitment({})], [], now)).toHaveLength(0);
  });

  it('needs a subject matter for 告知承诺 and 信用修复型 only', () => {
    expect(subjectMatterProblem('approval', undefined)).toContain('审批事项');
    expect(subjectMatterProblem('repair', undefined)).toContain('失信行为');
    expect(subjectMatterProblem('proactive', undefined)).toBeNull();
    expect(subjectMatterProblem('industry', undefined)).toBeNull();
    expect(subjectMatterProblem('approval', '食品经营许可')).toBeNull();
  });
});
