import type { TimelinessReport } from '../../../services/disclosures-api';

/** 85.3% (one decimal), or — without decisions. */
export const rateText = (rate: number | null) => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

/** `2026-03` → `3月` (a phone fits 12 of them under the columns). */
export const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/** A month under a chart column: its number only, so twelve fit a 375 px phone (「10」, spoken 「2026年10月」). */
export const monthColumn = (month: string) => ({ label: String(Number(month.slice(5, 7))), spoken: `${month.slice(0, 4)}年${monthLabel(month)}` });

/** The whole period across departments: received on time, late, missing where declared, the rate. */
export function overall(report: TimelinessReport): { onTime: number; late: number; missing: number | null; rate: number | null } {
  const onTime = report.departments.reduce((a, d) => a + d.onTime, 0);
  const late = report.departments.reduce((a, d) => a + d.late, 0);
  const declared = report.departments.filter((d) => d.missing !== null);
  return { onTime, late, missing: declared.length === 0 ? null : declared.reduce((a, d) => a + (d.missing ?? 0), 0), rate: onTime + late === 0 ? null : onTime / (onTime + late) };
}

/** Departments with something to show first (late or missing ones on top), then by name. */
export function rankedDepartments(report: TimelinessReport): TimelinessReport['departments'] {
  const weight = (d: TimelinessReport['departments'][number]) => d.late + (d.missing ?? 0);
  return [...report.departments].sort((a, b) => weight(b) - weight(a) || b.onTime + b.late - (a.onTime + a.late) || a.name.localeCompare(b.name, 'zh-CN'));
}
