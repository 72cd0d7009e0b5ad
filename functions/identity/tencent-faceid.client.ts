import type { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { z } from 'zod';
import type { Log } from '../shared/log/logger';
import type { IdentityCheck, IdentityVerifier } from './identity-verification';

/**
 * Production identity verification: Tencent Cloud FaceID `IdCardVerification` (身份信息认证,
 * 二要素核验), API version 2018-03-01, called through Tencent's own common client
 * (`tencentcloud-sdk-nodejs-common`), which signs each request with TC3-HMAC-SHA256.
 *
 * The SDK is imported on the first verification, not at cold start: most requests never verify a
 * real name, so they do not pay for loading it.
 *
 * How Tencent's `Result` codes are answered (the code itself goes to the log, never to the caller):
 * | Result | Tencent's meaning | here |
 * |---|---|---|
 * | `0` | 姓名和身份证号一致 | match |
 * | `-1` | 姓名和身份证号不一致 | mismatch |
 * | `-2` | 非法身份证号 | mismatch (our own structure check passed, the authority knows no such number) |
 * | `-3` | 非法姓名 | mismatch |
 * | `-5` | 证件库中无此身份证记录 | mismatch (answered like `-1`, so no one can learn whether a number exists) |
 * | `-4` | 证件库服务异常 | unavailable |
 * | `-6` | 权威比对系统升级中 | unavailable |
 * | `-7` | 认证次数超过当日限制 | unavailable |
 * | other | — | unavailable (fail closed: nothing is stored) |
 * A `Response.Error` (authentication, quota, parameters, internal), an HTTP status other than 200,
 * an unreadable body and a timeout are all `unavailable`.
 */
export const FACEID_API_VERSION = '2018-03-01';
export const FACEID_ACTION = 'IdCardVerification';

const MISMATCH_RESULTS = new Set(['-1', '-2', '-3', '-5']);

const resultSchema = z.object({ Result: z.string(), RequestId: z.string().optional() });

export interface TencentFaceIdSettings {
  secretId: string;
  secretKey: string;
  region: string;
  protocol: 'https:' | 'http:';
  host: string;
  timeoutMs: number;
}

class TimedOut extends Error {}

export class TencentFaceIdVerifier implements IdentityVerifier {
  readonly kind = 'tencent' as const;
  private client?: Promise<CommonClient>;

  constructor(private readonly settings: TencentFaceIdSettings) {}

  private sdkClient(): Promise<CommonClient> {
    this.client ??= import('tencentcloud-sdk-nodejs-common').then(
      ({ CommonClient: Client }) =>
        new Client(this.settings.host, FACEID_API_VERSION, {
          credential: { secretId: this.settings.secretId, secretKey: this.settings.secretKey },
          region: this.settings.region,
          profile: {
            signMethod: 'TC3-HMAC-SHA256',
            httpProfile: {
              protocol: `${this.settings.protocol}//`,
              endpoint: this.settings.host,
              reqMethod: 'POST',
              reqTimeout: this.settings.timeoutMs / 1000,
            },
          },
        }),
      (e: unknown) => {
        this.client = undefined; // try loading again on the next verification
        throw e;
      },
    );
    return this.client;
  }

  async verify(person: { name: string; idNumber: string }, log?: Log): Promise<IdentityCheck> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      // The timeout is for Tencent's answer; loading the SDK (once per instance) is not counted.
      const client = await this.sdkClient();
      const abort = new AbortController();
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abort.abort();
          reject(new TimedOut());
        }, this.settings.timeoutMs);
      });
      const reply: unknown = await Promise.race([
        client.request(FACEID_ACTION, { IdCard: person.idNumber, Name: person.name }, { signal: abort.signal }),
        deadline,
      ]);
      const parsed = resultSchema.safeParse(reply);
      if (!parsed.success) {
        log?.warn('identity service: unexpected reply', { service: 'tencent', ms: Date.now() - started });
        return 'unavailable';
      }
      const { Result, RequestId } = parsed.data;
      const check: IdentityCheck = Result === '0' ? 'match' : MISMATCH_RESULTS.has(Result) ? 'mismatch' : 'unavailable';
      const line = { service: 'tencent', check, result: Result, tencentRequestId: RequestId, ms: Date.now() - started };
      if (check === 'unavailable') log?.warn('identity service answered without a verdict', line);
      else log?.info('identity service answered', line);
      return check;
    } catch (e) {
      // Only codes and status go to the log: Tencent's error messages may quote the parameters.
      const err = e as { code?: unknown; httpCode?: unknown; requestId?: unknown };
      log?.warn('identity service unavailable', {
        service: 'tencent',
        reason: e instanceof TimedOut ? 'timeout' : typeof err.code === 'string' ? 'error-response' : typeof err.httpCode === 'number' ? 'http-status' : 'request-failed',
        ...(typeof err.code === 'string' ? { tencentCode: err.code } : {}),
        ...(typeof err.httpCode === 'number' ? { httpStatus: err.httpCode } : {}),
        ...(typeof err.requestId === 'string' && err.requestId ? { tencentRequestId: err.requestId } : {}),
        ms: Date.now() - started,
      });
      return 'unavailable';
    } finally {
      clearTimeout(timer);
    }
  }
}
