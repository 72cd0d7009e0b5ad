import type { DynamoDB } from '@aws-sdk/client-dynamodb';
import type { Config } from '../shared/config/config';
import { systemClock, type Clock } from '../shared/domain/clock';
import { countRedemptions } from '../stats/count-redemptions';
import { RedemptionCountsRepository } from '../stats/redemption-counts.repository';
import { isNewRedemption } from '../stats/redemption-stream';
import { LocalStreamReader } from './stream-reader';

/** The stream function that counts redemptions per day, fed by the local stream reader (AWS: serverless.yml's `counters`). */
export function localRedemptionCounter(config: Config, dynamo: DynamoDB, clock: Clock = systemClock): LocalStreamReader {
  if (!config.dynamodbEndpoint) throw new Error('the local stream reader needs DynamoDB Local (DYNAMODB_ENDPOINT)');
  const redemptionCounts = new RedemptionCountsRepository(dynamo, config.tableName);
  return new LocalStreamReader({
    dynamo,
    endpoint: config.dynamodbEndpoint,
    region: config.region,
    tableName: config.tableName,
    filter: isNewRedemption,
    handle: async (records) => {
      await countRedemptions({ redemptionCounts, clock }, records);
    },
  });
}
