import { checkEligibility, periodEnd, periodKey, type Incentive } from '../../functions/incentives/incentives.domain';

const incentive: Incentive = {
  id: 'museum',
  category: 'travel',
  title: '博物馆免费参观',
  benefit: '免费入馆',
  description: '',
  minPoints: 100,
  quota: { count: 1, period: 'day' },
  validFrom: '2026-01-01T00:00:00Z',
  validUntil: '2027-01-01T00:00:00Z',
  excludeSerious: true,
  merchants: [{ id: 'org-museum', name: '博物馆' }],
  active: true,
  updatedAt: '2026-01-01T00:00:00Z',
};
const now = new Date('2026-11-27T04:00:00Z');
const good = { verified: true, points: 135, restrictions: [] as string[] };
const RESTRICTED = '存在未修复的严重失信记录（限制享受信易+ 守信激励，至 2028-07-01）';
const unused = { usedInPeriod: 0, stockUsed: 0 };

describe('信易+ eligibility', () => {
  it('lets a verified resident with enough points and quota in', () => {
    expect(checkEligibility(good, incentive, unused, now)).toEqual({ eligible: true, reasons: [], remainingQuota: 1 });
  });

  it.each([
    ['too few points', { ...good, points: 92 }, incentive, unused, ['还差 8 分']],
    ['exactly the minimum', { ...good, points: 100 }, incentive, unused, []],
    ['a listed measure', { ...good, restrictions: [RESTRICTED] }, incentive, unused, [RESTRICTED]],
    ['a listed measure where the scenario does not apply the list', { ...good, restrictions: [RESTRICTED] }, { ...incentive, excludeSerious: false }, unused, []],
    ['no real-name verification', { verified: false, points: 0, restrictions: [] }, incentive, unused, ['请先完成实名认证']],
    ['today used up', good, incentive, { usedInPeriod: 1, stockUsed: 0 }, ['今日次数已用完']],
    ['this month used up', good, { ...incentive, quota: { count: 2, period: 'month' as const } }, { usedInPeriod: 2, stockUsed: 0 }, ['本月次数已用完']],
    ['stock gone', good, { ...incentive, totalStock: 5 }, { usedInPeriod: 0, stockUsed: 5 }, ['名额已领完']],
    ['not started', good, { ...incentive, validFrom: '2026-12-01T00:00:00Z' }, unused, ['活动尚未开始']],
    ['ended', good, { ...incentive, validUntil: '2026-11-01T00:00:00Z' }, unused, ['活动已结束']],
    ['paused', good, { ...incentive, active: false }, unused, ['该场景已暂停']],
    ['several at once', { verified: true, points: 70, restrictions: [RESTRICTED] }, incentive, { usedInPeriod: 1, stockUsed: 0 }, ['还差 30 分', RESTRICTED, '今日次数已用完']],
  ])('says exactly why not: %s', (_label, standing, inc, usage, reasons) => {
    const e = checkEligibility(standing, inc, usage, now);
    expect(e.reasons).toEqual(reasons);
    expect(e.eligible).toBe(reasons.length === 0);
  });

  it('counts quota periods in China time', () => {
    expect(periodKey('day', new Date('2026-11-26T16:00:00Z'))).toBe('D2026-11-27');
    expect(periodKey('day', new Date('2026-11-26T15:59:59Z'))).toBe('D2026-11-26');
    expect(periodKey('month', new Date('2026-11-30T16:30:00Z'))).toBe('M2026-12');
    expect(new Date(periodEnd('day', new Date('2026-11-27T04:00:00Z')) * 1000).toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(new Date(periodEnd('month', new Date('2026-11-27T04:00:00Z')) * 1000).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
