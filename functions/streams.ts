import type { DynamoDBStreamHandler } from 'aws-lambda';
import { createDynamoClient } from './shared/db/dynamo';
import { systemClock } from './shared/domain/clock';
import { logger } from './shared/log/logger';
import { countRedemptions } from './stats/count-redemptions';
import { RedemptionCountsRepository } from './stats/redemption-counts.repository';

/**
 * The table's stream, read by Lambda's event source mapping (serverless.yml: new redemptions
 * only). It needs no secrets and loads neither the app nor the models: the table's name, the
 * region and (locally) DynamoDB Local's endpoint come from the environment.
 */
let repository: RedemptionCountsRepository | undefined;

function counts(): RedemptionCountsRepository {
  const env = process.env;
  repository ??= new RedemptionCountsRepository(createDynamoClient({ region: env.AWS_REGION ?? 'cn-northwest-1', dynamodbEndpoint: env.DYNAMODB_ENDPOINT }), env.TABLE_NAME ?? `cxgc-${env.STAGE ?? 'local'}`);
  return repository;
}

export const countRedemptionsHandler: DynamoDBStreamHandler = async (event) => {
  const { counted } = await countRedemptions({ redemptionCounts: counts(), clock: systemClock }, event.Records);
  logger.info('redemptions counted', { records: event.Records.length, counted });
};
