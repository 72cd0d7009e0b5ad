/**
 * Calendar arithmetic in China time (Asia/Shanghai). China has kept UTC+8 all year since 1991
 * (no daylight saving), so a fixed offset is exact for every date the service handles.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The China calendar date (`YYYY-MM-DD`) of an instant. */
export function chinaDate(at: string | Date): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China calendar year of an instant. */
export function chinaYear(at: string | Date): number {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The instant a China calendar day (`YYYY-MM-DD`) begins, 00:00 China time. */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

/** Whether `YYYY-MM-DD` names a real calendar day (2026-02-30 does not). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** Day of the week of a China calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** The next China calendar date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Adds calendar months "to the day" in China time: the result is the same China clock time on the
 * same day of the month `months` later, or on that month's last day when it is shorter
 * (2026-01-31 + 1 month = 2026-02-28; 2028-02-29 + 12 months = 2029-02-28). So an event at
 * 2026-03-01T00:30+08:00 counting 3 months ends at 2026-06-01T00:30+08:00, the instant it stops
 * counting (it counts while now < end). Negative `months` count back the same way.
 */
export function addMonths(iso: string, months: number): string {
  const t = new Date(iso).getTime();
  const local = new Date(t + CHINA_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const day = local.getUTCDate();
  const timeOfDay = t + CHINA_OFFSET_MS - Date.UTC(y, local.getUTCMonth(), day);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, lastDay)) + timeOfDay - CHINA_OFFSET_MS).toISOString();
}
