import { z } from 'zod';
import { AppError } from '../../../functions/shared/http/app-error';
import { decodeCursor, encodeCursor, startKeyCursor, useCursorSecret } from '../../../functions/shared/http/pagination';

const schema = z.strictObject({ sk: z.string() });

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { status: e.status, code: e.code, details: e.details } : e;
  }
  return 'accepted';
};

describe('signed list cursors', () => {
  beforeAll(() => useCursorSecret('a-test-secret-a-test-secret-a-test-secret'));

  it('gives back the position it encoded, on the listing that issued it', () => {
    const c = encodeCursor({ sk: '2026-11-27T00:00:00.000Z#1' }, 'access-log:user:a');
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, schema, 'access-log:user:a')).toEqual({ sk: '2026-11-27T00:00:00.000Z#1' });
    expect(decodeCursor(undefined, schema, 'access-log:user:a')).toBeUndefined();
  });

  const invalid = { status: 400, code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })] };

  it.each([
    ['another listing', () => decodeCursor(encodeCursor({ sk: 'x' }, 'access-log:user:a'), schema, 'access-log:user:b')],
    ['an unsigned cursor', () => decodeCursor(Buffer.from(JSON.stringify({ sk: 'x' })).toString('base64url'), schema, 's')],
    ['an altered position', () => {
      const raw = Buffer.from(encodeCursor({ sk: 'x' }, 's'), 'base64url');
      raw[raw.length - 3] ^= 1;
      return decodeCursor(raw.toString('base64url'), schema, 's');
    }],
    ['a second spelling of the same bytes', () => decodeCursor(`${encodeCursor({ sk: 'x' }, 's')}A`, schema, 's')],
    ['too short to hold a tag', () => decodeCursor('AAAA', schema, 's')],
    ['empty', () => decodeCursor('', schema, 's')],
    ['a signed value of the wrong shape', () => decodeCursor(encodeCursor({ sk: 1 }, 's'), schema, 's')],
    ['a signed value with extra keys', () => decodeCursor(encodeCursor({ sk: 'x', pk: 'y' }, 's'), schema, 's')],
    ['a start key with a non-string value', () => decodeCursor(encodeCursor({ pk: 'a', sk: 2 }, 's'), startKeyCursor, 's')],
  ])('refuses %s with 400 VALIDATION_FAILED on the cursor field', (_name, f) => {
    expect(refusal(f)).toEqual(invalid);
  });

  it('refuses a cursor signed under another secret (another stage)', () => {
    const c = encodeCursor({ sk: 'x' }, 's');
    useCursorSecret('another-secret-another-secret-another-secret');
    try {
      expect(refusal(() => decodeCursor(c, schema, 's'))).toEqual(invalid);
    } finally {
      useCursorSecret('a-test-secret-a-test-secret-a-test-secret');
    }
  });
});
