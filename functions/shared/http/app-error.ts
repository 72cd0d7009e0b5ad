/**
 * The one error type of the backend. Anything thrown that is not an AppError is an internal
 * fault: the client sees a generic 500 with the request id, the details go to the log.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (details?: unknown, message = '请求参数有误，请检查后重试') =>
    new AppError(400, 'VALIDATION_FAILED', message, details),
  unauthenticated: (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message),
  forbidden: (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message),
  notFound: (message = '请求的内容不存在') => new AppError(404, 'NOT_FOUND', message),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
} as const;
