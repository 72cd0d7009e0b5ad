import fc from 'fast-check';
import { addMonths, chinaDate } from '../../../functions/shared/domain/china-time';

/**
 * The oracle reads an instant's wall clock in Asia/Shanghai through ICU's time-zone data
 * (Intl), independently of the fixed +08:00 offset the implementation uses.
 */
const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function wall(iso: string) {
  const parts = Object.fromEntries(shanghai.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), time: `${parts.hour}:${parts.minute}:${parts.second}.${iso.slice(20, 23)}` };
}
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The instant of a China wall-clock time. */
const cst = (date: string, time = '00:00:00.000') => new Date(`${date}T${time}+08:00`).toISOString();

/** Every China calendar day of 2024–2028 (two leap years), at a time of day. */
function everyDay(time: string): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) out.push(cst(new Date(t).toISOString().slice(0, 10), time));
  return out;
}

/** What "to the day" means: the same China clock time on the same day of the month `k` later, clamped to a shorter month's last day. */
function expected(start: string, k: number) {
  const s = wall(start);
  const index = s.y * 12 + (s.m - 1) + k;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(s.d, daysIn(y, m)), time: s.time };
}

describe('publication periods in China time (addMonths)', () => {
  it('ends an event at 2026-03-01T00:30+08:00 counting 3 months at 2026-06-01T00:30+08:00', () => {
    expect(addMonths('2026-03-01T00:30:00+08:00', 3)).toBe(new Date('2026-06-01T00:30:00+08:00').toISOString());
    // In UTC terms the event is on 28 February: adding months in UTC would have ended it on 29 May.
    expect(addMonths('2026-02-28T16:30:00.000Z', 3)).toBe('2026-05-31T16:30:00.000Z');
  });

  it('clamps to the last day of a shorter month, in China time', () => {
    expect(addMonths(cst('2026-01-31', '23:59:59.999'), 1)).toBe(cst('2026-02-28', '23:59:59.999'));
    expect(addMonths(cst('2028-01-31', '08:00:00.000'), 1)).toBe(cst('2028-02-29', '08:00:00.000'));
    expect(addMonths(cst('2028-02-29', '00:00:00.000'), 12)).toBe(cst('2029-02-28', '00:00:00.000'));
    expect(addMonths(cst('2028-02-29', '00:00:00.000'), 48)).toBe(cst('2032-02-29', '00:00:00.000'));
    expect(addMonths(cst('2026-03-31', '07:59:00.000'), -1)).toBe(cst('2026-02-28', '07:59:00.000'));
    expect(addMonths(cst('2026-08-31', '00:10:00.000'), 1)).toBe(cst('2026-09-30', '00:10:00.000'));
  });

  it('keeps the China date for the hours that are still the previous day in UTC (00:00–07:59)', () => {
    for (const time of ['00:00:00.000', '00:30:00.000', '07:59:59.999']) {
      expect(chinaDate(addMonths(cst('2026-05-01', time), 1))).toBe('2026-06-01');
      expect(chinaDate(addMonths(cst('2026-12-01', time), 1))).toBe('2027-01-01');
      expect(chinaDate(addMonths(cst('2027-03-01', time), -1))).toBe('2027-02-01');
    }
  });

  it.each(['00:00:00.000', '00:30:00.000', '07:59:59.999', '08:00:00.000', '23:59:59.999'])(
    'every day of 2024–2028 at %s China time, for 1, 3, 12, 24 and 36 months and back: the same clock time, to the day',
    (time) => {
      const wrong: string[] = [];
      for (const start of everyDay(time)) {
        for (const k of [1, 3, 12, 24, 36, -1, -12, -60]) {
          const got = wall(addMonths(start, k));
          const want = expected(start, k);
          if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${start} + ${k}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it('property: any instant of 2024–2028 plus any number of months lands to the day in China time', () => {
    const from = Date.UTC(2023, 11, 31, 16);
    const to = Date.UTC(2028, 11, 31, 16);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: -120, max: 120 }), (t, k) => {
        const start = new Date(t).toISOString();
        const got = addMonths(start, k);
        expect(wall(got)).toEqual(expected(start, k));
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });

  it('property: a longer period never ends earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) }), fc.integer({ min: -36, max: 36 }), (t, k) => {
        const a = new Date(t).toISOString();
        expect(addMonths(a, k + 1) > addMonths(a, k)).toBe(true);
      }),
      { numRuns: 1000, seed: 20261203 },
    );
  });
});
