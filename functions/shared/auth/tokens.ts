import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { errors } from '../http/app-error';
import { ROLES, type Principal } from './roles';

/**
 * Session tokens: HS256 JWTs with an explicit algorithm, issuer, audience and expiry.
 * Verification pins the algorithm so a token with `alg: none` or another algorithm is refused.
 */
export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const ALG = 'HS256';

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
  jti: z.string().min(1).max(64),
  exp: z.number().int(),
  /** A verified resident's credit subject (a keyed hash, never the ID number). */
  subj: z.string().min(1).max(128).optional(),
});

export class TokenService {
  private readonly key: Uint8Array;

  constructor(private readonly settings: TokenSettings) {
    this.key = new TextEncoder().encode(settings.secret);
  }

  async issue(principal: Principal, nowSeconds: number): Promise<{ token: string; expiresAt: number }> {
    const expiresAt = nowSeconds + this.settings.ttlSeconds;
    const token = await new SignJWT({ roles: principal.roles, ...(principal.orgId ? { org: principal.orgId } : {}), ...(principal.subjectKey ? { subj: principal.subjectKey } : {}) })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string, nowSeconds: number): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALG],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        currentDate: new Date(nowSeconds * 1000),
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      const claims = claimsSchema.parse(payload);
      return {
        userId: claims.sub,
        roles: claims.roles,
        ...(claims.org ? { orgId: claims.org } : {}),
        ...(claims.subj ? { subjectKey: claims.subj } : {}),
        sessionId: claims.jti,
        sessionExpiresAt: claims.exp,
      };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw errors.unauthenticated('登录已过期，请重新登录');
      throw errors.unauthenticated('登录凭证无效，请重新登录');
    }
  }
}
