import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 信易+ pass tokens: 32 characters of base64url (so they fit a mini-program code), 24 bytes:
 *
 *   version (1) | pass id (9) | expiry, epoch seconds (4) | HMAC-SHA256 tag, truncated (10)
 *
 * The tag covers the first 14 bytes under the server key, so a forged, altered, truncated or
 * wrong-key pass is refused before any database read. 24 bytes are exactly 32 base64url
 * characters with no spare bits: one pass has exactly one accepted spelling. The pass id points
 * to the server-side pass record that binds the pass to one resident and one scenario; it is the
 * issue time (4 bytes, epoch seconds) and 5 random bytes, so the key of the pass's redemption can
 * be derived from the id alone and sorts by time (keys.residentRedemption).
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

const RANDOM_BYTES = ID_BYTES - 4;

function newPassId(issuedAt: number): string {
  const id = Buffer.alloc(ID_BYTES);
  id.writeUInt32BE(issuedAt, 0);
  randomBytes(RANDOM_BYTES).copy(id, 4);
  return id.toString('base64url');
}

/** Whether a string can be a pass id at all (12 base64url characters: 9 bytes). */
export const isPassId = (s: string) => /^[0-9A-Za-z_-]{12}$/.test(s) && Buffer.from(s, 'base64url').toString('base64url') === s;

/** When a pass was issued (epoch seconds), read from its id. */
export function passIssuedAt(passId: string): number {
  return Buffer.from(passId, 'base64url').readUInt32BE(0);
}

function tag(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, TAG_BYTES);
}

export class PassCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', 'cxgc-pass-key').update(secret).digest();
  }

  /** A new pass: a fresh id (the issue time and random bytes) and the given expiry (epoch seconds). */
  issue(expiresAt: number, issuedAt: number, passId = newPassId(issuedAt)): { token: string; passId: string } {
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
