/**
 * The dates of a holiday arrangement as the centre types them: single days (`2027-01-01`) and
 * ranges (`2027-02-05~2027-02-11`, also with 至 or a dash between two dates), separated by
 * commas, spaces or new lines. The server checks each date again.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function isDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return DAY.test(s) && Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}
const next = (s: string) => new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const TOKEN = /^(\d{4}-\d{2}-\d{2})(?:~(\d{4}-\d{2}-\d{2}))?$/;

export function parseDates(text: string): { dates: string[]; bad: string[] } {
  const dates = new Set<string>();
  const bad: string[] = [];
  const normalised = text.replace(/\s*(?:~|～|至|—|–)\s*/g, '~').replace(/(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})/g, '$1~$2');
  for (const token of normalised.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = TOKEN.exec(token);
    const from = m?.[1] ?? '';
    const to = m?.[2] ?? from;
    if (!isDay(from) || !isDay(to) || from > to || Date.parse(to) - Date.parse(from) > 40 * 86_400_000) {
      bad.push(token);
      continue;
    }
    for (let d = from; d <= to; d = next(d)) dates.add(d);
  }
  return { dates: [...dates].sort(), bad };
}

/** Sorted dates written back as ranges, e.g. `2026-02-15~2026-02-23`, for editing and display. */
export function formatRanges(dates: readonly string[]): string[] {
  const out: string[] = [];
  const sorted = [...dates].sort();
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === next(sorted[j])) j++;
    out.push(i === j ? sorted[i] : `${sorted[i]}~${sorted[j]}`);
    i = j;
  }
  return out;
}

/** `2026-02-14（周六）`. */
export const withWeekday = (date: string) => `${date}（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
