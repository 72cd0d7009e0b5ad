import { DynamoDB } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import type { Config } from '../config/config';
import { installWriteBarrier } from '../http/session-barrier';
import { bindModelsToTable } from './models';

/**
 * Connects dynamoose to DynamoDB once per process (cold start). Locally the endpoint is
 * DynamoDB Local with fixed dummy credentials; in AWS the SDK's default chain applies.
 * Timeouts are short so a dead database turns into a fast 503, not a hung request.
 */
export interface Database {
  client: DynamoDB;
  tableName: string;
}

let current: Database | undefined;

export function createDynamoClient(config: Pick<Config, 'region' | 'dynamodbEndpoint'>): DynamoDB {
  return new DynamoDB({
    region: config.region,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1500, requestTimeout: 5000 },
    ...(config.dynamodbEndpoint
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

/** The process's DynamoDB client, also handed to dynamoose. */
export function connectDatabase(config: Config): Database {
  if (!current) {
    const client = createDynamoClient(config);
    installWriteBarrier(client);
    dynamoose.aws.ddb.set(client);
    current = { client, tableName: config.tableName };
  }
  return current;
}

/**
 * Points every model at the single table, once per process. Called by the composition root; the
 * models themselves are built on first use (see models.ts).
 */
export async function attachModels(config: Config): Promise<void> {
  connectDatabase(config);
  bindModelsToTable(config.tableName);
}
