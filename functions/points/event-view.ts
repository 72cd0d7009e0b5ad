import type { CreditEvent } from '../credit/credit.types';
import { evaluate } from './points.engine';
import { DEPARTMENT_NAMES } from '../rules/catalogue-v1';
import { addMonths, findRule, type CatalogueVersion } from '../rules/rules.domain';
import { DIMENSIONS } from './points.domain';
import type { CreditEventView } from './points.schemas';

/**
 * What a subject sees of each of its events at a moment: the rule behind it, what it adds now
 * (after caps and expiry), its status and when it stops counting. Newest first.
 */
export function eventViews(events: readonly CreditEvent[], catalogue: readonly CatalogueVersion[], at: Date): CreditEventView[] {
  const ev = evaluate(events, catalogue, at);
  const counted = new Map(ev.contributions.map((c) => [c.eventId, c.counted]));
  return events
    .filter((e) => e.state !== 'retracted')
    .map((e) => {
      const rule = findRule(catalogue, e.ruleVersion, e.ruleId);
      const dim = DIMENSIONS.find((d) => d.code === rule?.dimension) ?? DIMENSIONS[4];
      const status: CreditEventView['status'] =
        e.state === 'repaired'
          ? 'repaired'
          : e.openObjectionId
            ? 'disputed'
            : at.getTime() >= new Date(e.countsUntil).getTime()
              ? 'expired'
              : 'active';
      return {
        id: e.id,
        ruleId: e.ruleId,
        title: rule?.title ?? e.ruleId,
        dimension: dim.code,
        dimensionLabel: dim.label,
        points: rule?.points ?? 0,
        countedPoints: counted.get(e.id) ?? 0,
        occurredAt: e.occurredAt,
        countsUntil: e.countsUntil,
        status,
        ...(e.severity ? { severity: e.severity } : {}),
        department: DEPARTMENT_NAMES[e.department] ?? e.department,
        departmentId: e.department,
        legalBasis: rule?.legalBasis ?? '',
        ruleVersion: e.ruleVersion,
        ...(rule && rule.points < 0 ? { repairableFrom: addMonths(e.occurredAt, rule.minPublicationMonths ?? 0) } : {}),
        ...(e.openObjectionId ? { openObjectionId: e.openObjectionId } : {}),
        ...(e.openRepairId ? { openRepairId: e.openRepairId } : {}),
      };
    })
    .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id < b.id ? 1 : -1));
}
