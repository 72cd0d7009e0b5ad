import { decodeCursor, encodeCursor, startKeyCursor } from '../shared/http/pagination';
import type { Organisation } from './orgs.domain';
import type { OrgView } from './orgs.schemas';

export const toOrgView = (o: Organisation): OrgView => ({ ...o });

/**
 * List cursors are the index position of the last item, opaque to the client and signed for one
 * listing (`scope`: which list, of which organisation, with which filters).
 */
export const pageCursor = {
  decode: (cursor: string | undefined, scope: string) => decodeCursor(cursor, startKeyCursor, scope),
  encode: (last: Record<string, unknown> | undefined, scope: string) => (last ? encodeCursor(last, scope) : null),
};
