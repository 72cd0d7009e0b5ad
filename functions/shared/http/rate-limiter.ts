import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../db/keys';
import { isConditionalFailure } from '../db/models';

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
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.rateWindow(scope, who, windowStart)),
          UpdateExpression: 'ADD #count :one SET #entity = :entity, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count', '#entity': 'entity', '#ttl': 'ttl' },
          ExpressionAttributeValues: marshall({ ':one': 1, ':entity': 'RateWindow', ':ttl': windowStart + windowSeconds * 2, ':limit': limit }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
