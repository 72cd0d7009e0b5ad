import { startDynamoLocal } from '../../functions/local/dynamodb-local';
import { freePort } from '../../functions/local/ports';

/**
 * One in-memory DynamoDB Local per test run on a free port. The table is created and the demo
 * data seeded here once; each test file then makes its own ids for what it changes.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const port = await freePort();
  const dynamo = await startDynamoLocal({ port });
  (globalThis as { __dynamo?: unknown }).__dynamo = dynamo;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.STAGE = 'test';
  process.env.TABLE_NAME = 'cxgc-test';
  process.env.LOG_LEVEL = 'INFO';
  const { prepareDatabase } = await import('./prepare-database');
  await prepareDatabase();
}
