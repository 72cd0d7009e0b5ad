import type { OrgsRepository } from '../orgs/orgs.repository';
import { AppError } from '../shared/http/app-error';
import type { Clock } from '../shared/domain/clock';
import { mapLimit } from '../shared/domain/concurrency';
import { feedingDepartment } from './feeding-department';
import type { RegistryEntry } from './registry.domain';
import { revisionOf } from './revision';
import type { RegistryRepository } from './registry.repository';
import type { FeedResult } from './registry.schemas';
import { validateEnterpriseItem } from './registry-validation';

const WRITE_CONCURRENCY = 16;

/**
 * The market-regulation department feeds the enterprise registry.
 * 1. At most 500 items a call (413); the caller's organisation must be an active department
 *    entitled to the enterprise registry (403 ORG_SUSPENDED / FORBIDDEN).
 * 2. Validate each item on its own (USCC structure and check character, dates, status); a
 *    rejected item never blocks the others.
 * 3. Put each entry, whole, unless a later revision of it is stored: re-sending an entry updates
 *    it, and of re-sends racing each other the latest wins (see revisionOf). Within one batch a
 *    later item for the same code is the later revision.
 * 4. Report accepted and rejections by index; an entry whose write lost every race to concurrent
 *    re-sends of the same business makes the call 503 BUSY (re-sending it is safe).
 */
export async function feedEnterpriseRegistry(
  deps: { registry: RegistryRepository; orgs: OrgsRepository; clock: Clock },
  orgId: string | undefined,
  items: unknown[],
): Promise<FeedResult> {
  const department = await feedingDepartment(deps.orgs, orgId, 'enterprises', items.length);
  const receivedAt = deps.clock.now().toISOString();
  const result: FeedResult = { accepted: 0, rejected: [] };
  const entries: RegistryEntry[] = [];
  items.forEach((raw, index) => {
    const v = validateEnterpriseItem(raw, deps.clock.now());
    if (!v.ok) {
      result.rejected.push({ index, ...v.rejection });
      return;
    }
    entries.push({ ...v.item, department: department.id, receivedAt, revision: revisionOf(receivedAt, index, v.item) });
  });
  const outcomes = await mapLimit(entries, WRITE_CONCURRENCY, (e) => deps.registry.putEntry(e));
  // An entry that lost every race to concurrent re-sends of the same business: the whole feed is
  // answered 503 and re-sent (every write is conditional on its revision, so a re-send is safe).
  if (outcomes.includes('busy')) throw new AppError(503, 'BUSY', '部分企业的登记信息正在被同时更新，请稍后重新报送');
  result.accepted = entries.length;
  return result;
}
