import { z } from 'zod';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor } from '../shared/http/pagination';
import type { IncentivesRepository, Redemption } from './incentives.repository';
import type { RedemptionView, RedemptionsPage } from './incentives.schemas';

const CST = 8 * 3600 * 1000;
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const dayEnd = (date: string) => new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString();
const todayCst = (now: Date) => new Date(now.getTime() + CST).toISOString().slice(0, 10);

const merchantCursor = z.strictObject({ pk: z.string().max(200), sk: z.string().max(200), gsi1pk: z.string().max(200), gsi1sk: z.string().max(200) });
const residentCursor = z.strictObject({ sk: z.string().max(200) });

const view = (r: Redemption): RedemptionView => ({
  id: r.id,
  incentiveId: r.incentiveId,
  incentiveTitle: r.incentiveTitle,
  benefit: r.benefit,
  merchant: { id: r.orgId, name: r.orgName },
  resident: { maskedName: r.maskedName },
  redeemedAt: r.redeemedAt,
});

/**
 * Redemption history: a merchant sees its own organisation's (with a date filter and today's
 * count), a resident their own. Newest first, one page at a time.
 */
export async function listRedemptions(
  deps: { incentives: IncentivesRepository; clock: Clock },
  principal: Principal,
  query: { limit: number; cursor?: string; from?: string; to?: string },
): Promise<RedemptionsPage> {
  if (principal.roles.includes('merchant')) {
    if (!principal.orgId) throw errors.forbidden('当前账号未绑定商户');
    const now = deps.clock.now();
    if (query.from && query.to && query.from > query.to) {
      throw errors.validation([{ field: 'from', message: '开始日期不能晚于结束日期', code: 'range' }]);
    }
    const range = { from: query.from ? dayStart(query.from) : '', to: query.to ? dayEnd(query.to) : '\uffff' };
    const scope = `redemptions:org:${principal.orgId}:${range.from}:${range.to}`;
    const after = decodeCursor(query.cursor, merchantCursor, scope);
    const today = todayCst(now);
    const [page, todayCount] = await Promise.all([
      deps.incentives.listByOrg(principal.orgId, range, query.limit, after),
      deps.incentives.countByOrg(principal.orgId, { from: dayStart(today), to: dayEnd(today) }),
    ]);
    return { items: page.items.map(view), nextCursor: page.last ? encodeCursor(page.last, scope) : null, todayCount };
  }
  const scope = `redemptions:user:${principal.userId}`;
  const after = decodeCursor(query.cursor, residentCursor, scope);
  const page = await deps.incentives.listByResident(principal.userId, query.limit, after?.sk);
  return { items: page.items.map(view), nextCursor: page.last ? encodeCursor({ sk: page.last }, scope) : null };
}
