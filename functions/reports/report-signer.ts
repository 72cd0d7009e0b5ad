import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Ed25519 signatures over credit reports, so other regions can check a report without asking us
 * (跨地区互认). A report is signed as its canonical JSON (keys sorted, no spaces): the same
 * report always has the same bytes, and changing any value changes them.
 */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  alg: 'EdDSA';
  use: 'sig';
  kid: string;
  x: string;
}

export class ReportSigner {
  private readonly privateKey: KeyObject;
  readonly publicJwk: PublicJwk;

  /** `seed` is the 32-byte Ed25519 private seed, base64url. */
  constructor(seed: string) {
    const raw = Buffer.from(seed, 'base64url');
    if (raw.length !== 32) throw new Error('REPORT_SIGNING_KEY must be a 32-byte seed');
    this.privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
    const jwk = createPublicKey(this.privateKey).export({ format: 'jwk' }) as { x: string };
    const kid = `cxgc-${createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('base64url').slice(0, 12)}`;
    this.publicJwk = { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid, x: jwk.x };
  }

  get keyId(): string {
    return this.publicJwk.kid;
  }

  sign(report: object): string {
    return sign(null, Buffer.from(canonicalJson(report), 'utf8'), this.privateKey).toString('base64url');
  }

  /** True only for a report signed by one of `keys` (matched by the report's own keyId). */
  static verify(report: unknown, signature: unknown, keys: readonly PublicJwk[]): boolean {
    if (typeof report !== 'object' || report === null || Array.isArray(report) || typeof signature !== 'string') return false;
    if (!/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
    const kid = (report as { keyId?: unknown }).keyId;
    const jwk = keys.find((k) => k.kid === kid);
    if (!jwk) return false;
    try {
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
      return verify(null, Buffer.from(canonicalJson(report), 'utf8'), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }
}
