import { amountRange, deadlineText, money, rateRange, termRange, timeLeft, yuan } from '../../client/src/services/loans-format';
import { newIdempotencyKey } from '../../client/src/packages/enterprise/apply/validate';

describe('信易贷 formats', () => {
  it.each([
    [500_000, '50 万元'],
    [3_000_000, '300 万元'],
    [125_000, '12.5 万元'],
    [10_000, '1 万元'],
    [5_000, '5,000 元'],
    [123_456_789, '12,345.68 万元'],
  ])('money(%d) is 「%s」', (n, text) => expect(money(n)).toBe(text));

  it('writes exact amounts, ranges, rates and terms as people read them', () => {
    expect(yuan(500_000)).toBe('500,000 元');
    expect(amountRange(100_000, 3_000_000)).toBe('10 万–300 万元');
    expect(amountRange(5_000, 50_000)).toBe('5,000 元–5 万元');
    expect(rateRange(3.45, 4.35)).toBe('3.45%–4.35%');
    expect(rateRange(3, 3)).toBe('3.00%');
    expect(termRange(6, 36)).toBe('6–36 个月');
  });

  it('names the last day the bank may answer on, in China time', () => {
    // 24:00 of 2026-03-16 in China is 16:00 UTC that day.
    expect(deadlineText('2026-03-16T16:00:00.000Z')).toBe('银行应于 2026-03-16 前答复');
  });

  it('counts the time left until, and past, the deadline', () => {
    const open = { status: 'UNDER_REVIEW' as const, deadline: '2026-03-16T16:00:00.000Z', overdue: false };
    expect(timeLeft(open, new Date('2026-03-13T02:00:00.000Z'))).toBe('剩 3 天');
    expect(timeLeft(open, new Date('2026-03-16T02:00:00.000Z'))).toBe('今日到期');
    expect(timeLeft({ ...open, overdue: true }, new Date('2026-03-17T02:00:00.000Z'))).toBe('已超期 1 天');
    expect(timeLeft({ ...open, status: 'APPROVED' }, new Date('2026-03-17T02:00:00.000Z'))).toBe('');
  });

  it('makes Idempotency-Keys the server accepts, different each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
