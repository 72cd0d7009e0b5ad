import { z } from 'zod';
import { newAccessEntry, residentOwner } from '../access-log/access-log';
import type { AppDeps } from '../container';
import { readProjection } from '../credit/read-projection';
import { periodKey } from '../incentives/incentives.domain';
import { eventViews } from '../points/event-view';
import { personalPoints } from '../points/points.engine';
import { errors } from '../shared/http/app-error';
import { route, type AnyRoute } from '../shared/http/route';
import { maskName } from '../shared/domain/identifiers';
import type { DashboardSnapshot } from './refresh-stats';

const DAYS = 14;

export function adminRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/admin/dashboard',
      summary: '信用中心看板：积分分布、每日核销、贷款申请与超期、异议修复队列',
      tag: 'admin',
      auth: ['admin'],
      response: z.object({
        snapshot: z.unknown().nullable().describe('computed by the statistics job; null until its first run'),
        redemptionsPerDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
      }),
      handle: async () => {
        const now = deps.clock.now();
        const days = Array.from({ length: DAYS }, (_, i) => periodKey('day', new Date(now.getTime() - (DAYS - 1 - i) * 86_400_000)));
        const [snapshot, counts] = await Promise.all([deps.stats.getSnapshot<DashboardSnapshot>(), deps.stats.redemptionsPerDay(days[0], days[DAYS - 1])]);
        return { snapshot, redemptionsPerDay: days.map((d) => ({ day: d.slice(1), count: counts.get(d) ?? 0 })) };
      },
    }),
    route({
      method: 'get',
      path: '/api/admin/residents/:userId/credit',
      summary: '信用中心查询某位居民的信用（须说明用途，记入其查询记录；本人撤回授权后只显示撤回状态）',
      tag: 'admin',
      auth: ['admin'],
      params: z.strictObject({ userId: z.string().regex(/^[a-z0-9-]{3,64}$/) }),
      query: z.strictObject({ purpose: z.string().trim().min(4, '请说明查询用途（至少 4 个字）').max(100) }),
      response: z.object({
        name: z.string(),
        maskedIdNumber: z.string().optional(),
        consentWithdrawn: z.boolean(),
        consentWithdrawnAt: z.string().optional().describe('only when withdrawn: since when nothing is computed or shown'),
        points: z.number().int().optional().describe('absent once consent is withdrawn'),
        tier: z.string().optional(),
        events: z.array(z.unknown()).optional(),
      }),
      handle: async ({ principal, params, query }) => {
        const user = await deps.identities.getUser(params.userId);
        if (!user?.subjectKey || !user.roles.includes('resident')) throw errors.notFound('居民不存在或尚未实名认证');
        const now = deps.clock.now();
        const withdrawnAt = user.consentWithdrawnAt;
        // Withdrawn consent: nothing is read or computed for the person (a stale projection is not
        // rebuilt), and the centre learns only that, and since when.
        const credit = withdrawnAt
          ? null
          : await Promise.all([readProjection(deps, user.subjectKey), deps.credit.listEvents(user.subjectKey), deps.rules.listVersions()]);
        const admin = principal.orgId ? await deps.identities.getOrg(principal.orgId) : null;
        await deps.loans.logAccess(
          newAccessEntry({
            owner: residentOwner(user.id),
            at: now.toISOString(),
            actor: { userId: principal.userId, ...(admin ? { orgId: admin.id } : {}), orgName: admin?.name ?? '信用中心', role: 'admin' },
            purpose: `信用中心查询：${query.purpose}`,
            what: withdrawnAt ? '查询信用：本人已撤回授权，未显示积分和信用记录' : '查看信用积分和信用记录',
          }),
        );
        if (!credit) return { name: maskName(user.name), consentWithdrawn: true, consentWithdrawnAt: withdrawnAt };
        const [projection, events, catalogue] = credit;
        const { points, tier } = personalPoints(projection?.delta ?? 0);
        return {
          name: maskName(user.name),
          ...(user.maskedIdNumber ? { maskedIdNumber: user.maskedIdNumber } : {}),
          consentWithdrawn: false,
          points,
          tier: tier.label,
          events: eventViews(events, catalogue, now),
        };
      },
    }),
  ];
}
