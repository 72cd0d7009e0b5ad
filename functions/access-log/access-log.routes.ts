import { z } from 'zod';
import type { AppDeps } from '../container';
import { listQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import type { AccessEntry } from './access-log';
import { listAccessLog } from './list-access-log';

const ROLE_LABEL: Record<string, string> = { merchant: '商户', bank: '银行', department: '部门', admin: '信用中心' };

export const accessLogPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.object({ orgName: z.string(), role: z.string(), roleLabel: z.string() }),
      purpose: z.string(),
      what: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type AccessLogPage = z.infer<typeof accessLogPage>;

const entryView = (e: AccessEntry): AccessLogPage['items'][number] => ({
  id: e.id,
  at: e.at,
  actor: { orgName: e.actor.orgName, role: e.actor.role, roleLabel: ROLE_LABEL[e.actor.role] ?? e.actor.role },
  purpose: e.purpose,
  what: e.what,
});

export function accessLogRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/access-log',
      summary: '谁查看了我的信用（居民本人或企业用户）',
      tag: 'rights',
      auth: ['resident', 'enterprise'],
      query: listQuery,
      response: accessLogPage,
      handle: async ({ principal, query }) => {
        const page = await listAccessLog(deps, principal, query);
        return { items: page.items.map(entryView), nextCursor: page.nextCursor };
      },
    }),
  ];
}
