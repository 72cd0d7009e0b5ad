import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, ResourceInUseException, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDB } from '@aws-sdk/client-dynamodb';
import { tableDefinition, TTL_ATTRIBUTE } from './table-definition';

/**
 * Creates the table if it is missing: in the local and test stages, or for any stage run against
 * a DynamoDB at an explicit endpoint (DynamoDB Local). In AWS the table belongs to the
 * CloudFormation stack in serverless.yml and the app never creates or alters tables.
 */
export async function ensureTable(client: DynamoDB, tableName: string, stage: string, explicitEndpoint = false): Promise<'created' | 'exists'> {
  if (stage !== 'local' && stage !== 'test' && !explicitEndpoint) {
    throw new Error(`Refusing to create tables in stage "${stage}": tables are deployed from serverless.yml`);
  }
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table made before the stream existed (a local `.data` of an earlier version) gets it now.
    if (!existing.Table?.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: tableDefinition(tableName).StreamSpecification }));
    }
    return 'exists';
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (e) {
    if (e instanceof ResourceInUseException) return 'exists';
    throw e;
  }
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
  );
  return 'created';
}
