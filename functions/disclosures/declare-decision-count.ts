import type { OrgsRepository } from '../orgs/orgs.repository';
import { feedingDepartment } from '../registry/feeding-department';
import type { Clock } from '../shared/domain/clock';
import { chinaDate } from '../shared/domain/china-time';
import { errors } from '../shared/http/app-error';
import type { DisclosuresRepository } from './disclosures.repository';
import { monthStats } from './timeliness';

/**
 * A department states how many licensing and penalty decisions it made in a month, so the
 * console can show the ones never published (missing = declared − received).
 * 1. Only an active department entitled to 双公示; a month not in the future.
 * 2. Set the month's declared count (the last statement wins) and answer the month's figures.
 */
export async function declareDecisionCount(
  deps: { orgs: OrgsRepository; disclosures: DisclosuresRepository; clock: Clock },
  orgId: string | undefined,
  body: { month: string; count: number },
): Promise<{ month: string; declared: number; received: number; missing: number }> {
  const org = await feedingDepartment(deps.orgs, orgId, 'disclosures', 1);
  const now = deps.clock.now();
  if (body.month > chinaDate(now).slice(0, 7)) throw errors.validation([{ field: 'month', message: '不能申报未来月份的决定数', code: 'future_month' }], '不能申报未来月份的决定数');
  const c = monthStats(body.month, await deps.disclosures.declare(org.id, body.month, body.count, now.toISOString()));
  return { month: body.month, declared: body.count, received: c.onTime + c.late, missing: c.missing ?? 0 };
}
