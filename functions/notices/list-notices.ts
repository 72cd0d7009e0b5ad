import { z } from 'zod';
import type { AppDeps } from '../container';
import { decodeCursor, encodeCursor, type ListQuery } from '../shared/http/pagination';
import { noticeView } from './notices.domain';
import type { NoticesPage } from './notices.schemas';

const SCOPE = 'notices';

/**
 * 信用动态, newest first (public).
 * 1. Decode the cursor (only one this listing issued).
 * 2. Read one page from the notices' partition.
 * 3. Answer the page and the next cursor.
 */
export async function listNotices(deps: Pick<AppDeps, 'notices'>, query: ListQuery): Promise<NoticesPage> {
  const after = decodeCursor(query.cursor, z.strictObject({ sk: z.string().max(64) }), SCOPE);
  const page = await deps.notices.list(query.limit, after?.sk);
  return { items: page.items.map(noticeView), nextCursor: page.last ? encodeCursor({ sk: page.last }, SCOPE) : null };
}
