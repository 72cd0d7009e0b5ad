import fc from 'fast-check';
import { isPassId, PassCodec, passIssuedAt } from '../../functions/incentives/pass-codec';

const codec = new PassCodec('k'.repeat(40));
const other = new PassCodec('q'.repeat(40));
const ISSUED = 1_796_000_000;
const EXP = 1_800_000_000;

describe('pass codec', () => {
  it('issues 32 characters of [0-9A-Za-z_-] and decodes them back', () => {
    const { token, passId } = codec.issue(EXP, ISSUED);
    expect(token).toMatch(/^[0-9A-Za-z_-]{32}$/);
    expect(codec.decode(token)).toEqual({ ok: true, pass: { passId, expiresAt: EXP } });
  });

  it('carries the issue time in the pass id (the key of its redemption), with fresh random bytes each time', () => {
    const ids = Array.from({ length: 200 }, () => codec.issue(EXP, ISSUED).passId);
    for (const id of ids) {
      expect(isPassId(id)).toBe(true);
      expect(passIssuedAt(id)).toBe(ISSUED);
    }
    expect(new Set(ids).size).toBe(200);
    expect(passIssuedAt(codec.issue(EXP, ISSUED + 1).passId)).toBe(ISSUED + 1);
    expect(isPassId('short')).toBe(false);
    expect(isPassId('AAAAAAAAAAA=')).toBe(false);
  });

  it('refuses a change of any character at any position', () => {
    const { token } = codec.issue(EXP, ISSUED);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i++) {
      for (const ch of alphabet) {
        if (ch === token[i]) continue;
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(codec.decode(tampered).ok).toBe(false);
      }
    }
  });

  it('refuses a change of any bit of the decoded bytes', () => {
    const { token } = codec.issue(EXP, ISSUED);
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const copy = Buffer.from(bytes);
        copy[i] ^= 1 << bit;
        expect(codec.decode(copy.toString('base64url')).ok).toBe(false);
      }
    }
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, 31)],
    ['extended', (t: string) => `${t}A`],
    ['padded', (t: string) => `${t}=`],
    ['with whitespace', (t: string) => ` ${t}`],
    ['in standard base64', (t: string) => t.replace(/-/g, '+').replace(/_/g, '/')],
    ['empty', () => ''],
  ])('refuses a %s token as malformed', (_label, mutate) => {
    let { token } = codec.issue(EXP, ISSUED);
    // make sure the standard-base64 case really differs
    while (!/[-_]/.test(token)) token = codec.issue(EXP, ISSUED).token;
    expect(codec.decode(mutate(token))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['x']]) expect(codec.decode(v).ok).toBe(false);
  });

  it('refuses a pass signed with another key', () => {
    const { token } = other.issue(EXP, ISSUED);
    expect(codec.decode(token)).toEqual({ ok: false, reason: 'signature' });
  });

  it('keeps the expiry exactly, so the server decides expiry with its own clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (exp) => {
        const d = codec.decode(codec.issue(exp, ISSUED).token);
        return d.ok && d.pass.expiresAt === exp;
      }),
    );
  });

  it('property: random 32-character strings never decode', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z_-]{32}$/), (s) => !codec.decode(s).ok),
      { numRuns: 2000 },
    );
  });
});
