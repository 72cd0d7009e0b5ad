/**
 * The State Council's public holidays and adjusted working days (调休上班), one year per notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知). Working-day deadlines — objections and repairs
 * (5), banks' answers (10), 双公示 (7) — skip weekends and these holidays and count these
 * working weekends.
 *
 * Bundled here: the years whose official notice could be sourced.
 * - 2025: 国办发明电〔2024〕12号, 2024-11-12 (Xinhua's full text).
 * - 2026: notice of 2025-11-04 (Xinhua's full text, 新华社北京11月4日电).
 * - 2027: not bundled — its notice could not be found when this file was written (the State
 *   Council publishes each year's notice in the November before). The credit centre adds it in
 *   the console (管理控制台 → 节假日安排, `PUT /api/admin/holidays/2027`); a year the centre stores
 *   takes precedence over a bundled one, so a correction needs no release either.
 * A year that neither lists counts weekends only.
 */
import { isCalendarDate, weekdayOf } from './china-time';

export interface HolidayYear {
  year: number;
  /** Days off (`YYYY-MM-DD`), weekends inside a holiday period included. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
  /** Where the dates come from. */
  source: string;
}

/** Every day from `from` to `to` inclusive (same year, `MM-DD`). */
function span(year: number, from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${year}-${from}T00:00:00Z`); t <= Date.parse(`${year}-${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const BUNDLED_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    holidays: [
      ...span(2025, '01-01', '01-01'), // 元旦
      ...span(2025, '01-28', '02-04'), // 春节
      ...span(2025, '04-04', '04-06'), // 清明节
      ...span(2025, '05-01', '05-05'), // 劳动节
      ...span(2025, '05-31', '06-02'), // 端午节
      ...span(2025, '10-01', '10-08'), // 国庆节、中秋节
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  },
  {
    year: 2026,
    holidays: [
      ...span(2026, '01-01', '01-03'), // 元旦
      ...span(2026, '02-15', '02-23'), // 春节
      ...span(2026, '04-04', '04-06'), // 清明节
      ...span(2026, '05-01', '05-05'), // 劳动节
      ...span(2026, '06-19', '06-21'), // 端午节
      ...span(2026, '09-25', '09-27'), // 中秋节
      ...span(2026, '10-01', '10-07'), // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  },
];

/** What working-day arithmetic needs: the days off and the working weekends of every known year. */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  /** The years whose arrangements are known (bundled or added by the centre). */
  years: readonly number[];
}

/** A calendar of the given years; a later entry for the same year replaces an earlier one. */
export function workCalendar(years: readonly HolidayYear[]): WorkCalendar {
  const byYear = new Map<number, HolidayYear>();
  for (const y of years) byYear.set(y.year, y);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const y of byYear.values()) {
    y.holidays.forEach((d) => holidays.add(d));
    y.workdays.forEach((d) => workdays.add(d));
  }
  return { holidays, workdays, years: [...byYear.keys()].sort((a, b) => a - b) };
}

/** The bundled years only (what a deadline uses before the centre has added anything). */
export const BUNDLED_CALENDAR: WorkCalendar = workCalendar(BUNDLED_HOLIDAY_YEARS);

/** Weekends only: for tests and for callers that deliberately ignore holidays. */
export const WEEKENDS_ONLY: WorkCalendar = workCalendar([]);

export interface HolidayYearProblem {
  field: string;
  message: string;
  code: string;
}

/**
 * Problems of a year's arrangement as the centre enters it; empty when sound. Every date must be
 * a real day of that year and appear once; a working weekend must be a Saturday or Sunday; no day
 * may be both off and a working day.
 */
export function holidayYearProblems(year: number, holidays: readonly string[], workdays: readonly string[]): HolidayYearProblem[] {
  const problems: HolidayYearProblem[] = [];
  const check = (list: readonly string[], name: 'holidays' | 'workdays') => {
    const seen = new Set<string>();
    list.forEach((d, i) => {
      const field = `${name}.${i}`;
      if (!isCalendarDate(d)) problems.push({ field, message: `${d} 不是有效日期（格式 YYYY-MM-DD）`, code: 'invalid_date' });
      else if (!d.startsWith(`${year}-`)) problems.push({ field, message: `${d} 不在 ${year} 年内`, code: 'wrong_year' });
      else if (seen.has(d)) problems.push({ field, message: `${d} 重复`, code: 'duplicate' });
      else if (name === 'workdays' && weekdayOf(d) !== 0 && weekdayOf(d) !== 6) {
        problems.push({ field, message: `${d} 不是周末，无需调休上班`, code: 'not_weekend' });
      }
      seen.add(d);
    });
    return seen;
  };
  const off = check(holidays, 'holidays');
  check(workdays, 'workdays').forEach((d) => {
    if (off.has(d)) problems.push({ field: `workdays.${workdays.indexOf(d)}`, message: `${d} 不能既放假又上班`, code: 'conflict' });
  });
  return problems;
}
