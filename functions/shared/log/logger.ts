import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logger. Log lines carry ids, codes and timings only: no names, ID numbers,
 * request bodies or tokens. Per-request children add the request id to every line.
 */
const level = (process.env.LOG_LEVEL ?? (process.env.STAGE === 'test' ? 'SILENT' : 'INFO')) as
  | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

export const logger = new Logger({ serviceName: 'chengxin-guancheng', logLevel: level });

export type Log = Logger;

export function requestLogger(requestId: string): Log {
  return logger.createChild({ persistentKeys: { requestId } });
}
