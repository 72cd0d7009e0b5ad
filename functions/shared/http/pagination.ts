import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/**
 * List cursors are signed: base64url(16-byte HMAC tag ‖ JSON position). The tag covers the
 * position and the listing's scope (which list, whose, with which key-shaping filters), so a
 * cursor decodes only on the listing that issued it. A cursor the server did not issue — bad
 * base64, bad JSON, another shape, another subject's or another filter's position — is a 400,
 * and no made-up start key ever reaches DynamoDB (which would refuse it with a 500).
 */
const TAG_BYTES = 16;
let cursorKey: Buffer = randomBytes(32);

/** Every instance of a stage must sign cursors with the same key (set once at cold start). */
export function useCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('cxgc/list-cursor/v1').digest();
}

const tagOf = (scope: string, json: Buffer) => createHmac('sha256', cursorKey).update(scope).update('\u0000').update(json).digest().subarray(0, TAG_BYTES);

/** `scope` names the listing and everything that shapes its key condition (owner, filters). */
export function encodeCursor(value: object, scope: string): string {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return Buffer.concat([tagOf(scope, json), json]).toString('base64url');
}

const invalidCursor = () => errors.validation([{ field: 'cursor', message: '分页游标无效，请从第一页重新加载', code: 'invalid_cursor' }]);

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S, scope: string): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  const raw = Buffer.from(cursor, 'base64url');
  // One spelling per cursor: what does not re-encode to itself is not one we issued.
  if (raw.length <= TAG_BYTES || raw.toString('base64url') !== cursor) throw invalidCursor();
  const json = raw.subarray(TAG_BYTES);
  if (!timingSafeEqual(raw.subarray(0, TAG_BYTES), tagOf(scope, json))) throw invalidCursor();
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

/** A DynamoDB start key as a repository returned it: string attributes only. */
export const startKeyCursor = z.record(z.string().max(64), z.string().max(1024));
