import { z } from 'zod';
import { errors } from './app-error';

/** `?limit=` (1–100, default 20) and an opaque `?cursor=`, as API.md fixes them. */
export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).regex(/^[A-Za-z0-9_-]+$/).optional(),
});

export type ListQuery = z.infer<typeof listQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw errors.validation([{ field: 'cursor', message: '分页游标无效', code: 'invalid_cursor' }]);
  }
}
