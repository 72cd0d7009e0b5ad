import { z } from 'zod';
import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor, type ListQuery } from '../shared/http/pagination';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IncentivesRepository } from '../incentives/incentives.repository';
import { redemptionAccessEntry } from '../incentives/redemption-access';
import { enterpriseOwner, residentOwner, unregisteredBusinessOwner, type AccessEntry, type AccessLogRepository } from './access-log';

type Deps = { accessLog: AccessLogRepository; incentives: IncentivesRepository; enterprises: EnterprisesRepository };

/** One place to read entries from: a page after a position ('' from the start), newest first. */
interface Source {
  read(after: string | undefined, limit: number): Promise<{ items: Array<{ entry: AccessEntry; position: string }>; more: boolean }>;
}

/** Where each source stands: the last position read, '' from the start, null when read to the end. */
const mergedCursor = z.strictObject({ after: z.array(z.string().max(200).nullable()).length(2) });

const orderKey = (e: AccessEntry) => `${e.at}#${e.id}`;

/** A subject's own access-log partition. */
const entriesOf = (deps: Deps, owner: string): Source => ({
  async read(after, limit) {
    const page = await deps.accessLog.list(owner, limit, after);
    return { items: page.items.map((entry) => ({ entry, position: orderKey(entry) })), more: page.last !== undefined };
  },
});

/**
 * A resident's redemptions, each one an access-log entry: the redemption is the record of the
 * merchant's check (written in the redemption's own transaction, so there is never a
 * redemption without its entry), read from the resident's redemption index.
 */
const redemptionsOf = (deps: Deps, userId: string): Source => ({
  async read(after, limit) {
    const page = await deps.incentives.listByResident(userId, limit, after);
    return { items: page.items.map((r) => ({ entry: redemptionAccessEntry(r), position: r.key })), more: page.last !== undefined };
  },
});

/**
 * 谁查看了我的信用: the caller's access log, newest first, one page at a time.
 * 1. The sources: a resident's own entries and their redemptions (each a merchant's check); a
 *    business's organisation entries and those written under its code before it registered
 *    (a department's 信用核查 of a business not yet in the app). Neither → 404.
 * 2. Every source still open is read a page at a time from where the cursor left it, beside the
 *    others; the pages are merged by time and the first `limit` entries kept.
 * 3. The next cursor keeps each source's place: the last entry taken from it, or null once read
 *    to the end. A position from another listing does not decode (400).
 */
export async function listAccessLog(deps: Deps, principal: Principal, query: ListQuery): Promise<{ items: AccessEntry[]; nextCursor: string | null }> {
  let sources: Source[];
  let scope: string;
  if (principal.roles.includes('resident')) {
    sources = [entriesOf(deps, residentOwner(principal.userId)), redemptionsOf(deps, principal.userId)];
    scope = `access-log:${residentOwner(principal.userId)}:with-redemptions`;
  } else if (principal.orgId) {
    const business = await deps.enterprises.get(principal.orgId);
    const owners = [enterpriseOwner(principal.orgId), ...(business ? [unregisteredBusinessOwner(business.uscc)] : [])];
    sources = owners.map((o) => entriesOf(deps, o));
    scope = `access-log:${owners.join('|')}`;
  } else throw errors.notFound('尚未登记企业，暂无查询记录');

  // Two places in every cursor; a listing with one source leaves the second null.
  const after = decodeCursor(query.cursor, mergedCursor, scope)?.after ?? sources.map(() => '');
  const pages = await Promise.all(sources.map((s, i) => (after[i] === null ? { items: [], more: false } : s.read(after[i] || undefined, query.limit))));
  const merged = pages
    .flatMap((p, i) => p.items.map((item) => ({ ...item, i })))
    .sort((a, b) => (orderKey(a.entry) < orderKey(b.entry) ? 1 : orderKey(a.entry) > orderKey(b.entry) ? -1 : 0))
    .slice(0, query.limit);
  const next = pages.map((page, i) => {
    const taken = merged.filter((m) => m.i === i);
    const lastTaken = taken.length > 0 ? taken[taken.length - 1].position : after[i];
    // Entries read but not taken are read again next time, from the last one taken.
    if (taken.length < page.items.length || page.more) return lastTaken;
    return null;
  });
  return {
    items: merged.map((m) => m.entry),
    nextCursor: next.some((n) => n !== null) ? encodeCursor({ after: [next[0], next[1] ?? null] }, scope) : null,
  };
}
