import fc from 'fast-check';
import { HolidayCalendar } from '../../../functions/holidays/holiday-calendar';
import type { HolidaysRepository, StoredHolidayYear } from '../../../functions/holidays/holidays.repository';
import { weekdayOf } from '../../../functions/shared/domain/china-time';
import { BUNDLED_CALENDAR, BUNDLED_HOLIDAY_YEARS, holidayYearProblems, WEEKENDS_ONLY, workCalendar } from '../../../functions/shared/domain/holidays-cn';
import { addWorkingDays, isWorkingDay } from '../../../functions/shared/domain/working-days';

/** The end (24:00) of a China calendar day, as the instant a deadline names. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();
const cst = (s: string) => new Date(`${s}+08:00`).toISOString();

describe('the bundled State Council calendars', () => {
  it.each(BUNDLED_HOLIDAY_YEARS.map((y) => [y.year, y]))('%s is sound: real dates of that year, working days on weekends only', (_y, y) => {
    expect(holidayYearProblems(y.year, y.holidays, y.workdays)).toEqual([]);
  });

  it('holds 2025 as the notice has it', () => {
    const y = BUNDLED_HOLIDAY_YEARS.find((x) => x.year === 2025)!;
    expect(y.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    for (const d of ['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-05-31', '2025-06-02', '2025-10-01', '2025-10-08']) expect(y.holidays).toContain(d);
    expect(y.holidays).not.toContain('2025-10-09');
  });

  it('holds 2026 as the notice of 2025-11-04 has it', () => {
    const y = BUNDLED_HOLIDAY_YEARS.find((x) => x.year === 2026)!;
    expect(y.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('bundles no year whose notice could not be sourced (2027 is added by the centre)', () => {
    expect(BUNDLED_CALENDAR.years).toEqual([2025, 2026]);
  });
});

describe('working-day deadlines', () => {
  it('runs a 5-working-day objection deadline across 春节 2026 (adjusted Saturdays count, the holiday does not)', () => {
    // Thursday 12 Feb: Fri 13 (1), Sat 14 worked (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(addWorkingDays(cst('2026-02-12T10:00:00'), 5, BUNDLED_CALENDAR)).toBe(endOf('2026-02-26'));
    expect(addWorkingDays(cst('2026-02-12T10:00:00'), 5, WEEKENDS_ONLY)).toBe(endOf('2026-02-19'));
  });

  it('runs a 10-working-day bank deadline across 春节 2025 (1/26 Sunday and 2/8 Saturday worked)', () => {
    // Friday 24 Jan: Sun 26 (1), Mon 27 (2), 28 Jan–4 Feb off, Wed 5 (3) … Fri 7 (5), Sat 8 (6), Mon 10 (7) … Thu 13 (10).
    expect(addWorkingDays(cst('2025-01-24T16:00:00'), 10, BUNDLED_CALENDAR)).toBe(endOf('2025-02-13'));
  });

  it('runs a 7-working-day 双公示 deadline across 国庆 2026 (9/20 Sunday and 10/10 Saturday worked)', () => {
    // Friday 18 Sep: Sun 20 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5), 25–27 中秋, Mon 28 (6), Tue 29 (7).
    expect(addWorkingDays(cst('2026-09-18T09:00:00'), 7, BUNDLED_CALENDAR)).toBe(endOf('2026-09-29'));
    // Tuesday 29 Sep: Wed 30 (1), 1–7 Oct off, Thu 8 (2), Fri 9 (3), Sat 10 worked (4), Mon 12 (5).
    expect(addWorkingDays(cst('2026-09-29T09:00:00'), 5, BUNDLED_CALENDAR)).toBe(endOf('2026-10-12'));
  });

  it('runs a 5-working-day deadline across 国庆 2025 (10/1–10/8 off, 10/11 Saturday worked)', () => {
    // Sunday 28 Sep is worked but is the start day, which never counts: Mon 29 (1), Tue 30 (2), 1–8 off, Thu 9 (3), Fri 10 (4), Sat 11 (5).
    expect(addWorkingDays(cst('2025-09-28T11:00:00'), 5, BUNDLED_CALENDAR)).toBe(endOf('2025-10-11'));
  });

  it('counts from the China date of the start: 23:30 China time is still that day', () => {
    expect(addWorkingDays('2026-11-26T15:30:00Z', 1, WEEKENDS_ONLY)).toBe(endOf('2026-11-27'));
    expect(addWorkingDays('2026-11-26T16:30:00Z', 1, WEEKENDS_ONLY)).toBe(endOf('2026-11-30'));
  });

  it('uses a year the centre added like a bundled one', () => {
    const added = workCalendar([...BUNDLED_HOLIDAY_YEARS, { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'], source: 'test' }]);
    // Thursday 31 Dec 2026: Fri 1 Jan off, Sat 2 worked (1), Mon 4 (2).
    expect(addWorkingDays(cst('2026-12-31T10:00:00'), 2, added)).toBe(endOf('2027-01-04'));
    expect(isWorkingDay('2027-01-01', added)).toBe(false);
    expect(isWorkingDay('2027-01-02', added)).toBe(true);
  });

  it('property: a deadline ends on a working day, and exactly n working days follow the start day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 11, 1), max: Date.UTC(2026, 11, 1) }), fc.integer({ min: 1, max: 15 }), (t, n) => {
        const start = new Date(t).toISOString();
        const deadline = addWorkingDays(start, n, BUNDLED_CALENDAR);
        const lastDay = new Date(Date.parse(deadline) - 1 + 8 * 3600_000).toISOString().slice(0, 10);
        expect(isWorkingDay(lastDay, BUNDLED_CALENDAR)).toBe(true);
        let count = 0;
        for (let d = Date.parse(`${new Date(t + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00Z`) + 86_400_000; d <= Date.parse(`${lastDay}T00:00:00Z`); d += 86_400_000) {
          if (isWorkingDay(new Date(d).toISOString().slice(0, 10), BUNDLED_CALENDAR)) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});

describe('a year as the centre enters it', () => {
  it('names each bad entry: not a date, another year, a working weekday, a day both off and worked, a repeat', () => {
    const problems = holidayYearProblems(2027, ['2027-02-30', '2026-10-01', '2027-02-06', '2027-02-06'], ['2027-02-03', '2027-02-06']);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['holidays.0', 'invalid_date'],
      ['holidays.1', 'wrong_year'],
      ['holidays.3', 'duplicate'],
      ['workdays.0', 'not_weekend'],
      ['workdays.1', 'conflict'],
    ]);
    expect(weekdayOf('2027-02-06')).toBe(6);
  });
});

describe('the calendar deadlines use (bundled + the centre’s years, cached)', () => {
  const fake = (stored: StoredHolidayYear[]) => {
    const repo = { listYears: jest.fn(async () => stored), putYear: jest.fn(async (y: StoredHolidayYear) => void stored.push(y)) };
    return { repo, calendar: new HolidayCalendar(repo as unknown as HolidaysRepository) };
  };

  it('merges the stored years over the bundled ones, reading the table once while cached', async () => {
    const { repo, calendar } = fake([{ year: 2026, holidays: ['2026-01-01'], workdays: [], source: '更正', updatedAt: 'x', updatedBy: 'u' }]);
    const merged = await calendar.calendar();
    await calendar.calendar();
    expect(repo.listYears).toHaveBeenCalledTimes(1);
    expect(merged.holidays.has('2025-01-28')).toBe(true);
    expect(merged.holidays.has('2026-02-16')).toBe(false); // the centre's 2026 replaced the bundled one
    const years = await calendar.years();
    expect(years.map((y) => [y.year, y.origin])).toEqual([[2025, 'bundled'], [2026, 'centre']]);
  });

  it('sees a year stored through it at once', async () => {
    const { repo, calendar } = fake([]);
    expect((await calendar.calendar()).years).toEqual([2025, 2026]);
    await calendar.store({ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'x', updatedAt: 'x', updatedBy: 'u' });
    expect((await calendar.calendar()).years).toEqual([2025, 2026, 2027]);
    expect(repo.listYears).toHaveBeenCalledTimes(2);
  });
});
