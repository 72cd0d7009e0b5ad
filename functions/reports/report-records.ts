import type { CreditEventView } from '../points/points.schemas';

/**
 * The records a credit report lists: those that count now. Retracted records never reach a
 * view; repaired ones (信用修复) and those past the end of their counting or publication period
 * are left out — a report shown to a bank or another region must not outlive the record. A
 * record under objection still counts until it is answered, and is listed as disputed.
 */
export function countingRecords<V extends Pick<CreditEventView, 'status' | 'occurredAt' | 'countsUntil'>>(views: readonly V[], now: Date): V[] {
  const t = now.getTime();
  return views.filter((v) => v.status !== 'repaired' && v.status !== 'expired' && new Date(v.occurredAt).getTime() <= t && t < new Date(v.countsUntil).getTime());
}

/** Whether a signed report is still within its validity (`validUntil`, an ISO moment). */
export function reportExpired(report: Record<string, unknown>, now: Date): boolean {
  const until = typeof report.validUntil === 'string' ? Date.parse(report.validUntil) : Number.NaN;
  // A report of ours always names its validity; one that does not cannot be relied on.
  return !Number.isFinite(until) || now.getTime() >= until;
}
