import { chinaDate, nextDate, startOfChinaDay, weekdayOf } from './china-time';
import type { WorkCalendar } from './holidays-cn';

/** A China calendar date is a working day: a weekday that is not a holiday, or a working weekend (调休上班). */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  const wd = weekdayOf(date);
  return (wd !== 0 && wd !== 6) || calendar.workdays.has(date);
}

/**
 * Adds working days in China time. Counting starts the day after the start's China date (the
 * start day itself never counts, whatever the hour), skips weekends and the calendar's holidays,
 * and counts its working weekends. The deadline is the end (24:00 China time) of the last
 * working day, i.e. the first instant of the following day.
 */
export function addWorkingDays(startIso: string, days: number, calendar: WorkCalendar): string {
  let day = chinaDate(startIso);
  let counted = 0;
  while (counted < days) {
    day = nextDate(day);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return startOfChinaDay(nextDate(day)).toISOString();
}
