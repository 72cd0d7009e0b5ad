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
  else {
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
