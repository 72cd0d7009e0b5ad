import { z } from 'zod';
import type { AppDeps } from '../container';
import { errors } from '../shared/http/app-error';
import { keys } from '../shared/db/keys';
import { decodeCursor, encodeCursor, listQuery, type ListQuery } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { enterpriseOwner, residentOwner, unregisteredBusinessOwner, type AccessEntry } from './access-log';

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

/** Where each of the partitions stands: the last key read, '' from the start, null when read to the end. */
const mergedCursor = z.strictObject({ after: z.array(z.string().max(200).nullable()).length(2) });

/**
 * A business's access log: its organisation's entries and those written under its code before it
 * registered in the app (a department's 信用核查 of a business not yet registered), newest first.
 * Both partitions are read a page at a time and merged by key; the cursor keeps each one's place.
 */
async function enterpriseAccessLog(deps: AppDeps, orgId: string, query: ListQuery): Promise<AccessLogPage> {
  const business = await deps.enterprises.get(orgId);
  const owners = [enterpriseOwner(orgId), ...(business ? [unregisteredBusinessOwner(business.uscc)] : [])];
  const scope = `access-log:${owners.join('|')}`;
  const after = decodeCursor(query.cursor, mergedCursor, scope)?.after ?? owners.map(() => '');
  const pages = await Promise.all(owners.map((o, i) => (after[i] === null ? { items: [] } : deps.accessLog.list(o, query.limit, after[i] || undefined))));
  const skOf = (e: AccessEntry) => keys.accessLog(e.owner, e.at, e.id).sk;
  const merged = pages
    .flatMap((p, i) => p.items.map((e) => ({ e, i })))
    .sort((a, b) => (skOf(a.e) < skOf(b.e) ? 1 : skOf(a.e) > skOf(b.e) ? -1 : 0))
    .slice(0, query.limit);
  const next = owners.map((_, i) => {
    const taken = merged.filter((m) => m.i === i);
    const page = pages[i] as { items: AccessEntry[]; last?: string };
    if (taken.length < page.items.length) return taken.length > 0 ? skOf(taken[taken.length - 1].e) : after[i];
    if (page.last) return taken.length > 0 ? skOf(taken[taken.length - 1].e) : page.last;
    return null;
  });
  const more = next.some((n) => n !== null);
  return {
    items: merged.map((m) => entryView(m.e)),
    nextCursor: more ? encodeCursor({ after: owners.length === 2 ? next : [next[0], null] }, scope) : null,
  };
}

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
        let owner: string;
        if (principal.roles.includes('resident')) owner = residentOwner(principal.userId);
        else if (principal.orgId) return enterpriseAccessLog(deps, principal.orgId, query);
        else throw errors.notFound('尚未登记企业，暂无查询记录');
        const after = decodeCursor(query.cursor, z.strictObject({ sk: z.string().max(200) }), `access-log:${owner}`);
        const page = await deps.accessLog.list(owner, query.limit, after?.sk);
        return {
          items: page.items.map(entryView),
          nextCursor: page.last ? encodeCursor({ sk: page.last }, `access-log:${owner}`) : null,
        };
      },
    }),
  ];
}
