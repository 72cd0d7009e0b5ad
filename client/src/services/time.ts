/** Dates as the district reads them: China time (UTC+8) whatever the phone's time zone. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function chinaParts(iso: string): Date | null {
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? null : new Date(t + CHINA_OFFSET_MS);
}

/** The calendar day in China: `YYYY-MM-DD`. */
export function chinaDate(iso: string): string {
  const d = chinaParts(iso);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : iso;
}

/** `YYYY-MM-DD HH:mm` in China time. */
export function chinaDateTime(iso: string): string {
  const d = chinaParts(iso);
  return d ? `${chinaDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : iso;
}

/** `HH:mm:ss` in China time (a redemption at the counter). */
export function chinaTime(iso: string): string {
  const d = chinaParts(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : iso;
}

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now.toISOString());
}

/** A `YYYY-MM-DD` day moved by whole days. */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}
