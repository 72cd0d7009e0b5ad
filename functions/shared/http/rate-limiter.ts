import * as dynamoose from 'dynamoose';
import { keys } from '../db/keys';
import { defineModel, isConditionalFailure } from '../db/models';

const RateModel = defineModel('RateWindow', { count: Number });

/**
 * Application rate limits, shared by every Lambda instance because the counters live in
 * DynamoDB: a fixed window per (scope, caller), incremented only while below the limit, with a
 * TTL so old windows disappear. API Gateway's throttling (serverless.yml) guards the whole API in
 * front of this.
 */
export class RateLimiter {
  /** Counts one request; false when the caller is over the limit in this window. */
  async hit(scope: string, who: string, limit: number, windowSeconds: number, nowSeconds: number): Promise<boolean> {
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    try {
      await RateModel.update(
        keys.rateWindow(scope, who, windowStart),
        { $ADD: { count: 1 }, $SET: { entity: 'RateWindow', ttl: windowStart + windowSeconds * 2 } },
        { condition: new dynamoose.Condition('count').not().exists().or().where('count').lt(limit) },
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
