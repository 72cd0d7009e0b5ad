import { InternalServerError, ProvisionedThroughputExceededException, RequestLimitExceeded } from '@aws-sdk/client-dynamodb';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from './app-error';
import { requestState } from './request-context';

interface BodyParserError {
  type: string;
  status?: number;
}

const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && 'status' in e;

/** Errors raised by express.json before a route runs, mapped by their documented `type` codes. */
function fromBodyParser(e: BodyParserError): AppError {
  switch (e.type) {
    case 'entity.too.large':
      return new AppError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
    case 'entity.parse.failed':
      return new AppError(400, 'VALIDATION_FAILED', '请求体不是有效的 JSON', [
        { field: '(body)', message: '无法解析 JSON', code: 'invalid_json' },
      ]);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求编码不受支持，请使用 UTF-8 JSON');
    default:
      return new AppError(400, 'VALIDATION_FAILED', '请求格式不正确');
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The database could not be reached or is throttling: a temporary condition the client should
 * retry, so 503 with a clear code rather than a 500. Recognised by the SDK's error classes, the
 * fault and status metadata it attaches, and Node's network error codes.
 */
function isDatabaseUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceeded || e instanceof InternalServerError) return true;
  const meta = e as { code?: string; $fault?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (meta.code && NETWORK_CODES.has(meta.code)) return true;
  if (meta.$fault === 'server' && (meta.$metadata?.httpStatusCode ?? 500) >= 500) return true;
  if (meta.$metadata && meta.$metadata.httpStatusCode === undefined && meta.$fault === undefined) return true;
  return meta.cause !== undefined && meta.cause !== e && isDatabaseUnavailable(meta.cause);
}

export const notFoundHandler: RequestHandler = () => {
  throw new AppError(404, 'NOT_FOUND', '接口不存在');
};

/**
 * The one error handler. AppErrors keep their status, code and Chinese message; anything else is
 * an internal fault: the client gets a generic 500 with the request id, the log gets the details.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const state = requestState(res);
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (isBodyParserError(err)) appError = fromBodyParser(err);
  else if (isDatabaseUnavailable(err)) {
    state?.log.warn('database unavailable', { error: err instanceof Error ? err.message : String(err), path: req.path });
    appError = new AppError(503, 'SERVICE_UNAVAILABLE', '服务暂时繁忙或数据库暂不可用，请稍后重试');
    res.setHeader('retry-after', '2');
  } else {
    state?.log.error('unhandled error', { error: err instanceof Error ? err : String(err), path: req.path });
    appError = new AppError(500, 'INTERNAL', '服务器开小差了，请稍后重试');
  }
  if (res.headersSent) return;
  res.status(appError.status).json({
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details !== undefined ? { details: appError.details } : {}),
      ...(state ? { requestId: state.requestId } : {}),
    },
  });
};
