import { DynamoDB } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import type { Config } from '../config/config';
import { allModels } from './models';

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
let ready: Promise<void> | undefined;

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

export function connectDatabase(config: Config): Promise<Database> {
  if (!current) {
    const client = createDynamoClient(config);
    dynamoose.aws.ddb.set(client);
    const table = new dynamoose.Table(config.tableName, allModels(), {
      create: false,
      update: false,
      waitForActive: false,
      initialize: false,
    });
    current = { client, tableName: config.tableName };
    ready = table.initialize();
  }
  const db = current;
  return (ready as Promise<void>).then(() => db);
}
