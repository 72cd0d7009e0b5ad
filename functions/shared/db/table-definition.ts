import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table's physical design. serverless.yml declares the same table for AWS; a test
 * compares the two so they cannot drift. Table creation from this definition is for the
 * `local` and `test` stages only.
 */
export const TTL_ATTRIBUTE = 'ttl';

export const GSI_NAMES = ['GSI1', 'GSI2'] as const;

export function tableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
      { AttributeName: 'gsi1sk', AttributeType: 'S' },
      { AttributeName: 'gsi2pk', AttributeType: 'S' },
      { AttributeName: 'gsi2sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: GSI_NAMES.map((name, i) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: `gsi${i + 1}pk`, KeyType: 'HASH' },
        { AttributeName: `gsi${i + 1}sk`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    // New items' images for the stream function (serverless.yml: counters from new redemptions).
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  };
}
