import express, { type IRouter, type RequestHandler } from 'express';
import type { Principal } from '../auth/roles';
import type { TokenService } from '../auth/tokens';
import { epochSeconds, type Clock } from '../domain/clock';
import { AppError, errors } from './app-error';
import type { RateLimiter } from './rate-limiter';
import { requestState } from './request-context';
import { withCatalogueScope } from '../db/catalogues';
import { outsideWriteBarrier, withWriteBarrier } from './session-barrier';
import { encodingExists } from './utf8-codec';
import type { AnyRoute, AuthRequirement } from './route';
import { parseInput } from './validate';

const DEFAULT_BODY_LIMIT = '64kb';

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  return m ? m[1] : '';
}

/** `catalogueVersions: false`: the request reads no catalogue, so the confirmation need not read their versions. */
export type ConfirmSession = (token: Principal, options?: { catalogueVersions?: boolean }) => Promise<Principal>;

const roleAllowed = (auth: AuthRequirement, p: Principal) => !Array.isArray(auth) || p.roles.some((r) => auth.includes(r));

/**
 * Verifies the bearer token, then confirms it against the stored account (sign-out, removal from
 * an organisation, suspension) without waiting for that read: it runs beside the handler's own
 * reads, every write waits for it (session-barrier.ts), and the answer leaves only after it.
 */
function authenticate(auth: AuthRequirement, tokens: TokenService, clock: Clock, confirm: ConfirmSession, catalogueVersions: boolean): RequestHandler {
  // Each request gets its own view of the catalogue versions (shared/db/catalogues.ts).
  const scoped: RequestHandler = (req, res, next) => withCatalogueScope(() => check(req, res, next));
  const check: RequestHandler = async (req, res, next) => {
    if (auth === 'public') return next();
    const state = requestState(res)!;
    const token = bearer(req.get('authorization'));
    if (token === null) {
      if (auth === 'optional') return next();
      throw errors.unauthenticated();
    }
    if (token === '') throw errors.unauthenticated('登录凭证格式不正确，请重新登录');
    const claimed = await tokens.verify(token, epochSeconds(clock));
    state.principal = claimed;
    const confirmed = confirm(claimed, { catalogueVersions }).then((p) => {
      state.principal = p;
      if (!roleAllowed(auth, p)) throw errors.forbidden('当前账号的角色无权访问此功能');
      return p;
    });
    // Settled by the route wrapper; never an unhandled rejection in between.
    confirmed.catch(() => undefined);
    state.confirmed = confirmed;
    if (!roleAllowed(auth, claimed)) {
      // A signed-out or deleted account hears 401 rather than 403.
      await confirmed;
      throw errors.forbidden('当前账号的角色无权访问此功能');
    }
    withWriteBarrier(confirmed, () => next());
  };
  return scoped;
}

/**
 * Counts the request against its route's limit beside the handler's first reads, as the session
 * confirmation runs: the handler's writes wait for the verdict (the write barrier now holds both)
 * and the answer leaves only after it, so a request over the limit writes nothing and hears 429.
 */
function rateLimit(spec: NonNullable<AnyRoute['rateLimit']>, limiter: RateLimiter, clock: Clock): RequestHandler {
  return (req, res, next) => {
    const state = requestState(res)!;
    const lambdaIp = (req as unknown as { lambdaSourceIp?: string }).lambdaSourceIp;
    const who = spec.by === 'user' && state.principal ? `u:${state.principal.userId}` : `ip:${lambdaIp ?? req.socket.remoteAddress ?? 'unknown'}`;
    // The counter counts attempts, revoked sessions' too: it need not wait for the confirmation.
    const withinLimit = outsideWriteBarrier(() => limiter.hit(spec.scope, who, spec.limit, spec.windowSeconds, epochSeconds(clock))).then((ok) => {
      if (ok) return;
      if (!res.headersSent) res.setHeader('retry-after', String(spec.windowSeconds));
      throw new AppError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试');
    });
    // Settled by the route wrapper; never an unhandled rejection in between.
    withinLimit.catch(() => undefined);
    state.withinLimit = withinLimit;
    const both = state.confirmed ? Promise.all([state.confirmed, withinLimit]) : withinLimit;
    // A write awaits it; a handler that writes nothing leaves it to the route wrapper's checks.
    both.catch(() => undefined);
    withWriteBarrier(both, () => next());
  };
}

/**
 * Bodies are UTF-8 JSON only (WeChat and browsers send nothing else): any other declared charset is
 * refused before the body is read, the same way locally and in the Lambda bundle, whose body
 * parser carries a UTF-8-only codec (utf8-codec.ts).
 */
const rejectNonUtf8: RequestHandler = (req, _res, next) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset && !encodingExists(charset)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求编码不受支持，请使用 UTF-8 JSON');
  next();
};

/** Registers each declared route: body parsing with its limit, authentication, rate limit, validation, handler. */
export function mountRoutes(app: IRouter, routes: AnyRoute[], deps: { tokens: TokenService; clock: Clock; rateLimiter: RateLimiter; confirmSession: ConfirmSession }): void {
  for (const r of routes) {
    const handlers: RequestHandler[] = [];
    if (r.body) {
      handlers.push(rejectNonUtf8);
      handlers.push(express.json({ limit: r.bodyLimit ?? DEFAULT_BODY_LIMIT, strict: true, type: () => true }));
    }
    handlers.push(authenticate(r.auth, deps.tokens, deps.clock, deps.confirmSession, r.catalogues !== false));
    if (r.rateLimit) handlers.push(rateLimit(r.rateLimit, deps.rateLimiter, deps.clock));
    handlers.push(async (req, res) => {
      const state = requestState(res)!;
      const confirmed = state.confirmed;
      // What must hold before any answer: the session (401/403 first), then the rate limit (429).
      const settled = async () => {
        if (confirmed) await confirmed;
        if (state.withinLimit) await state.withinLimit;
      };
      let result: unknown;
      try {
        const body = r.body ? parseInput(r.body, req.body) : undefined;
        const query = r.query ? parseInput(r.query, { ...req.query }) : undefined;
        const params = r.params ? parseInput(r.params, { ...req.params }) : undefined;
        result = await r.handle({
          body,
          query,
          params,
          principal: state.principal,
          session: () => confirmed ?? Promise.reject(errors.unauthenticated()),
          requestId: state.requestId,
          log: state.log,
          header: (name: string) => req.get(name),
          res,
        });
      } catch (e) {
        // A revoked session hears that, and a request over its limit 429, not what the handler found.
        await settled();
        throw e;
      }
      await settled();
      if (res.headersSent) return;
      const status = r.status ?? 200;
      if (result === undefined) res.status(status === 200 ? 204 : status).end();
      else res.status(status).json(result);
    });
    app[r.method](r.path, ...handlers);
  }
}
