import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logger. Log lines carry ids, codes and timings only: no names, ID numbers,
 * request bodies or tokens. Per-request children add the request id to every line.
 */
const level = (process.env.LOG_LEVEL ?? (process.env.STAGE === 'test' ? 'SILENT' : 'INFO')) as
  | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

export const logger = new Logger({ serviceName: 'chengxin-guancheng', logLevel: level });

type Attributes = Record<string, unknown>;

/** What a request's code logs with: every line carries the request id. */
export interface Log {
  debug(message: string, attributes?: Attributes): void;
  info(message: string, attributes?: Attributes): void;
  warn(message: string, attributes?: Attributes): void;
  error(message: string, attributes?: Attributes): void;
}

/**
 * A request's log: the process logger with the request id added to each line. Not a Powertools
 * child logger: creating one per request (options, environment, console) was a measurable share
 * of a cheap request's CPU time in profiles.
 */
export function requestLogger(requestId: string): Log {
  const line = (attributes?: Attributes) => ({ requestId, ...attributes });
  return {
    debug: (message, attributes) => logger.debug(message, line(attributes)),
    info: (message, attributes) => logger.info(message, line(attributes)),
    warn: (message, attributes) => logger.warn(message, line(attributes)),
    error: (message, attributes) => logger.error(message, line(attributes)),
  };
}
