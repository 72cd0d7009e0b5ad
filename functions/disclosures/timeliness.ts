import type { OrgsRepository } from '../orgs/orgs.repository';
import type { Clock } from '../shared/domain/clock';
import { addMonths, chinaDate } from '../shared/domain/china-time';
import { mapLimit } from '../shared/domain/concurrency';
import type { DisclosuresRepository, MonthCounters } from './disclosures.repository';

export interface MonthStats {
  month: string;
  onTime: number;
  late: number;
  declared: number | null;
  missing: number | null;
}

export interface TimelinessReport {
  months: string[];
  departments: Array<{ orgId: string; name: string; onTime: number; late: number; missing: number | null; onTimeRate: number | null; monthly: MonthStats[] }>;
  trend: Array<MonthStats & { onTimeRate: number | null }>;
}

/** The last `count` China months up to the one of `now`, oldest first (`YYYY-MM`). */
export function monthsUpTo(now: Date, count: number): string[] {
  const start = `${chinaDate(now).slice(0, 7)}-01T00:00:00+08:00`;
  return Array.from({ length: count }, (_, i) => chinaDate(addMonths(start, i - count + 1)).slice(0, 7));
}

/** One month's figures: missing is what the department declared minus what it sent, where it declared (pure). */
export function monthStats(month: string, c: MonthCounters | undefined): MonthStats {
  const onTime = c?.onTime ?? 0;
  const late = c?.late ?? 0;
  const declared = c?.declared ?? null;
  return { month, onTime, late, declared, missing: declared === null ? null : Math.max(0, declared - onTime - late) };
}

const rate = (onTime: number, late: number) => (onTime + late === 0 ? null : onTime / (onTime + late));

function sum(rows: MonthStats[]): { onTime: number; late: number; missing: number | null } {
  const declaredRows = rows.filter((r) => r.missing !== null);
  return {
    onTime: rows.reduce((a, r) => a + r.onTime, 0),
    late: rows.reduce((a, r) => a + r.late, 0),
    missing: declaredRows.length === 0 ? null : declaredRows.reduce((a, r) => a + (r.missing ?? 0), 0),
  };
}

/**
 * 双公示 timeliness for the console (「漏报、迟报、瞒报全清零」).
 * 1. The departments (one Query of the organisations of that type) and, per department, its
 *    counters of the last `months` decision months (one Query each; written with every decision).
 * 2. Per department and month: on time, late, declared and missing; per department the totals and
 *    the on-time rate; across departments the monthly trend.
 */
export async function disclosureTimeliness(deps: { orgs: OrgsRepository; disclosures: DisclosuresRepository; clock: Clock }, months: number): Promise<TimelinessReport> {
  const list = monthsUpTo(deps.clock.now(), months);
  const departments = await deps.orgs.listAllOfType('department');
  const rows = await mapLimit(departments, 8, async (org) => {
    const counters = new Map((await deps.disclosures.months(org.id, list[0], list[list.length - 1])).map((c) => [c.month, c]));
    const monthly = list.map((m) => monthStats(m, counters.get(m)));
    const total = sum(monthly);
    return { orgId: org.id, name: org.name, ...total, onTimeRate: rate(total.onTime, total.late), monthly };
  });
  const trend = list.map((month, i) => {
    const t = sum(rows.map((r) => r.monthly[i]));
    return { month, onTime: t.onTime, late: t.late, declared: null, missing: t.missing, onTimeRate: rate(t.onTime, t.late) };
  });
  return { months: list, departments: rows, trend };
}
