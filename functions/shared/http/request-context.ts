import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Principal } from '../auth/roles';
import { requestLogger, type Log } from '../log/logger';

export interface RequestState {
  requestId: string;
  log: Log;
  principal: Principal | null;
  /** The token confirmed against the stored account (signed-in requests only). */
  confirmed?: Promise<Principal>;
  /** The route's rate-limit verdict (routes with a limit): rejects with 429 when over it. */
  withinLimit?: Promise<void>;
}

const CLIENT_ID = /^[A-Za-z0-9._-]{8,100}$/;

export function requestState(res: Response): RequestState | undefined {
  return res.locals.state as RequestState | undefined;
}

/** What serverless-http attaches to the request inside Lambda. */
interface PlatformRequest {
  lambdaRequestId?: string;
  requestContext?: { requestId?: string };
}

/**
 * Which ids a request carries.
 * - `requestId`, ours: Lambda's request id when there is one (the id of Lambda's own START/END
 *   lines), else a fresh UUID. Never the caller's `x-request-id`: a caller could otherwise
 *   choose the id our log lines and error bodies are filed under, or reuse another request's.
 * - `gatewayRequestId`: API Gateway's id (its access log), logged beside ours. serverless-http
 *   copies it into `x-request-id` when the caller sent none, so that header is only the
 *   caller's when it differs from API Gateway's id.
 * - `clientRequestId`: a well-formed `x-request-id` the caller sent, logged for correlation with
 *   the caller's own logs, and nothing more.
 */
export function requestIds(req: Request): { requestId: string; gatewayRequestId?: string; clientRequestId?: string } {
  const platform = req as unknown as PlatformRequest;
  const gatewayRequestId = platform.requestContext?.requestId;
  const offered = req.get('x-request-id');
  const clientRequestId = offered && offered !== gatewayRequestId && CLIENT_ID.test(offered) ? offered : undefined;
  return {
    requestId: platform.lambdaRequestId ?? randomUUID(),
    ...(gatewayRequestId ? { gatewayRequestId } : {}),
    ...(clientRequestId ? { clientRequestId } : {}),
  };
}

/**
 * Gives every request its id (see requestIds), returns it in the `x-request-id` header, and
 * writes one access line when the response is sent. The line holds the route pattern, never the
 * query string or the body.
 */
export const requestContext: RequestHandler = (req, res, next) => {
  const { requestId, ...correlation } = requestIds(req);
  const state: RequestState = { requestId, log: requestLogger(requestId), principal: null };
  res.locals.state = state;
  res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    state.log.info('request', {
      method: req.method,
      route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      ...(state.principal ? { userId: state.principal.userId } : {}),
      ...correlation,
    });
  });
  next();
};
