import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Principal } from '../auth/roles';
import { requestLogger, type Log } from '../log/logger';

export interface RequestState {
  requestId: string;
  log: Log;
  principal: Principal | null;
  /** The token confirmed against the stored account (signed-in requests only). */
  confirmed?: Promise<Principal>;
}

const CLIENT_ID = /^[A-Za-z0-9._-]{8,100}$/;

export function requestState(res: Response): RequestState | undefined {
  return res.locals.state as RequestState | undefined;
}

/**
 * Gives every request an id (the caller's `x-request-id` when well-formed, else Lambda's, else a
 * fresh one), returns it in the `x-request-id` header, and writes one access line when the
 * response is sent. The line holds the route pattern, never the query string or the body.
 */
export const requestContext: RequestHandler = (req, res, next) => {
  const offered = req.get('x-request-id');
  const lambdaId = (req as unknown as { lambdaRequestId?: string }).lambdaRequestId;
  const requestId = offered && CLIENT_ID.test(offered) ? offered : (lambdaId ?? randomUUID());
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
    });
  });
  next();
};
