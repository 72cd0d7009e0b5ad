import type { OrgsRepository } from '../orgs/orgs.repository';
import type { Clock } from '../shared/domain/clock';
import { mapLimit } from '../shared/domain/concurrency';
import { feedingDepartment } from './feeding-department';
import type { TaxGradeEntry } from './registry.domain';
import { revisionOf } from './revision';
import type { RegistryRepository } from './registry.repository';
import type { FeedResult } from './registry.schemas';
import { validateTaxGradeItem } from './registry-validation';

const WRITE_CONCURRENCY = 16;

/**
 * The tax department feeds tax credit grades (纳税信用等级), one per business and year.
 * 1. At most 500 items a call (413); the caller's organisation must be an active department
 *    entitled to the tax grades (403 ORG_SUSPENDED / FORBIDDEN).
 * 2. Validate each item on its own (USCC, a year from 2014 up to this one, grade A/B/M/C/D). A
 *    business need not be in the enterprise registry yet: its grade waits there for it.
 * 3. Put each grade unless a later revision of the same business and year is stored (re-sending
 *    updates it; racing re-sends: the latest wins).
 * 4. Report accepted and rejections by index. The grade that applies is the latest year's.
 */
export async function feedTaxGrades(
  deps: { registry: RegistryRepository; orgs: OrgsRepository; clock: Clock },
  orgId: string | undefined,
  items: unknown[],
): Promise<FeedResult> {
  const department = await feedingDepartment(deps.orgs, orgId, 'tax-grades', items.length);
  const receivedAt = deps.clock.now().toISOString();
  const result: FeedResult = { accepted: 0, rejected: [] };
  const grades: TaxGradeEntry[] = [];
  items.forEach((raw, index) => {
    const v = validateTaxGradeItem(raw, deps.clock.now());
    if (!v.ok) {
      result.rejected.push({ index, ...v.rejection });
      return;
    }
    grades.push({ ...v.item, department: department.id, receivedAt, revision: revisionOf(receivedAt, index, v.item) });
  });
  await mapLimit(grades, WRITE_CONCURRENCY, (g) => deps.registry.putTaxGrade(g));
  result.accepted = grades.length;
  return result;
}
