import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 信易+ pass tokens: 32 characters of base64url (so they fit a mini-program code), 24 bytes:
 *
 *   version (1) | pass id (9) | expiry, epoch seconds (4) | HMAC-SHA256 tag, truncated (10)
 *
 * The tag covers the first 14 bytes under the server key, so a forged, altered, truncated or
 * wrong-key pass is refused before any database read. 24 bytes are exactly 32 base64url
 * characters with no spare bits: one pass has exactly one accepted spelling. The pass id points
 * to the server-side pass record that binds the pass to one resident and one scenario.
 */
const VERSION = 1;
const ID_BYTES = 9;
const TAG_BYTES = 10;
const TOKEN_BYTES = 1 + ID_BYTES + 4 + TAG_BYTES;
export const PASS_LENGTH = 32;
const PATTERN = /^[0-9A-Za-z_-]{32}$/;

export interface DecodedPass {
  passId: string;
  expiresAt: number;
}

export type DecodeResult = { ok: true; pass: DecodedPass } | { ok: false; reason: 'malformed' | 'signature' };

function tag(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES);
}

export class PassCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', 'cxgc-pass-key').update(secret).digest();
  }

  /** A new pass: a fresh random id and the given expiry (epoch seconds). */
  issue(expiresAt: number, passId = randomBytes(ID_BYTES).toString('base64url')): { token: string; passId: string } {
    const id = Buffer.from(passId, 'base64url');
    if (id.length !== ID_BYTES) throw new Error('pass id must be 9 bytes');
    const body = Buffer.alloc(1 + ID_BYTES + 4);
    body.writeUInt8(VERSION, 0);
    id.copy(body, 1);
    body.writeUInt32BE(expiresAt, 1 + ID_BYTES);
    const token = Buffer.concat([body, tag(this.key, body)]).toString('base64url');
    return { token, passId: id.toString('base64url') };
  }

  decode(token: unknown): DecodeResult {
    if (typeof token !== 'string' || !PATTERN.test(token)) return { ok: false, reason: 'malformed' };
    const bytes = Buffer.from(token, 'base64url');
    // Re-encoding must give back the exact input: no alternative spellings are accepted.
    if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) return { ok: false, reason: 'malformed' };
    if (bytes.readUInt8(0) !== VERSION) return { ok: false, reason: 'malformed' };
    const body = bytes.subarray(0, 1 + ID_BYTES + 4);
    const given = bytes.subarray(1 + ID_BYTES + 4);
    if (!timingSafeEqual(given, tag(this.key, body))) return { ok: false, reason: 'signature' };
    return {
      ok: true,
      pass: { passId: bytes.subarray(1, 1 + ID_BYTES).toString('base64url'), expiresAt: bytes.readUInt32BE(1 + ID_BYTES) },
    };
  }
}
