import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../db/keys';
import { counterIncrement, isConditionalFailure } from '../db/models';

/**
 * Application rate limits, shared by every Lambda instance because the counters live in
 * DynamoDB: a fixed window per (scope, caller), incremented only while below the limit, with a
 * TTL so old windows disappear. API Gateway's throttling (serverless.yml) guards the whole API in
 * front of this.
 */
export class RateLimiter {
  constructor(private readonly tableName: string) {}

  /** Counts one request (one conditional UpdateItem, on every sign-in and pass); false when over the limit. */
  async hit(scope: string, who: string, limit: number, windowSeconds: number, nowSeconds: number): Promise<boolean> {
    const windowStart = nowSeconds - (nowSeconds % windowSeconds);
    try {
      const window = keys.rateWindow(scope, who, windowStart);
      await dynamoose.aws.ddb().send(new UpdateItemCommand(counterIncrement(this.tableName, window, { attribute: 'count', entity: 'RateWindow', below: limit, ttl: windowStart + windowSeconds * 2 })));
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
