import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { counterIncrement, isConditionalFailure } from '../shared/db/models';

const SCOPE = 'real-name-failures';
const DAY_SECONDS = 86_400;
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** Start of the China calendar day (UTC+8, no daylight saving) holding `nowSeconds`, in epoch seconds. */
export function chinaDayStart(nowSeconds: number): number {
  return Math.floor((nowSeconds + CHINA_OFFSET_SECONDS) / DAY_SECONDS) * DAY_SECONDS - CHINA_OFFSET_SECONDS;
}

/**
 * Failed real-name attempts per account and China day, in one DynamoDB counter item
 * (`RATE#real-name-failures#<userId>` / `W#<day start>`, kept two days by TTL), shared by every
 * Lambda instance. An attempt that reaches the identity service first *reserves* a slot with a
 * conditional increment (only while below the limit), so a burst of parallel attempts cannot all
 * slip past the check; the slot is given back when the attempt turns out not to be a failure
 * (verified, or the service was unavailable).
 */
export class RealNameAttempts {
  constructor(private readonly tableName: string) {}

  private key(userId: string, nowSeconds: number) {
    const day = chinaDayStart(nowSeconds);
    return { key: keys.rateWindow(SCOPE, userId, day), ttl: day + 2 * DAY_SECONDS };
  }

  /** Takes one of today's failure slots; false when `limit` failures are already counted. */
  async reserve(userId: string, nowSeconds: number, limit: number): Promise<boolean> {
    const { key, ttl } = this.key(userId, nowSeconds);
    try {
      await dynamoose.aws.ddb().send(new UpdateItemCommand(counterIncrement(this.tableName, key, { attribute: 'count', entity: 'RateWindow', below: limit, ttl })));
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /** Counts a failure that needed no reservation (a number refused by its structure). */
  async countFailure(userId: string, nowSeconds: number): Promise<void> {
    const { key, ttl } = this.key(userId, nowSeconds);
    await dynamoose.aws.ddb().send(new UpdateItemCommand(counterIncrement(this.tableName, key, { attribute: 'count', entity: 'RateWindow', ttl })));
  }

  /** Gives a reserved slot back (never below zero). */
  async release(userId: string, nowSeconds: number): Promise<void> {
    const { key } = this.key(userId, nowSeconds);
    try {
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(key),
          UpdateExpression: 'ADD #n :minusOne',
          ConditionExpression: '#n > :zero',
          ExpressionAttributeNames: { '#n': 'count' },
          ExpressionAttributeValues: marshall({ ':minusOne': -1, ':zero': 0 }),
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
  }
}
