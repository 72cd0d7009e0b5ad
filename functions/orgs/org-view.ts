import { decodeCursor, encodeCursor } from '../shared/http/pagination';
import { z } from 'zod';
import type { Organisation } from './orgs.domain';
import type { OrgView } from './orgs.schemas';

export const toOrgView = (o: Organisation): OrgView => ({ ...o });

/** List cursors are the index position of the last item, opaque to the client. */
const cursorSchema = z.record(z.string(), z.string());
export const pageCursor = {
  decode: (cursor: string | undefined) => decodeCursor(cursor, cursorSchema),
  encode: (last: Record<string, unknown> | undefined) => (last ? encodeCursor(last) : null),
};
