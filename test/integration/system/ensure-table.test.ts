import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { parseConfig } from '../../../functions/shared/config/config';
import { createDynamoClient } from '../../../functions/shared/db/dynamo';
import { ensureTable } from '../../../functions/shared/db/ensure-table';
import { tableDefinition } from '../../../functions/shared/db/table-definition';

describe('ensureTable (local and test stages)', () => {
  const config = parseConfig(process.env);
  const client = createDynamoClient(config);

  it('creates the table with its stream, and gives the stream to a table made before it existed', async () => {
    const fresh = `cxgc-ensure-${randomUUID().slice(0, 8)}`;
    expect(await ensureTable(client, fresh, 'test')).toBe('created');
    expect((await client.send(new DescribeTableCommand({ TableName: fresh }))).Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });

    const old = `cxgc-ensure-${randomUUID().slice(0, 8)}`;
    const { StreamSpecification: _, ...withoutStream } = tableDefinition(old);
    await client.send(new CreateTableCommand(withoutStream));
    expect((await client.send(new DescribeTableCommand({ TableName: old }))).Table?.StreamSpecification?.StreamEnabled).not.toBe(true);
    expect(await ensureTable(client, old, 'test')).toBe('exists');
    expect((await client.send(new DescribeTableCommand({ TableName: old }))).Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    await Promise.all([fresh, old].map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
  });

  it('refuses to create tables in a deployed stage', async () => {
    await expect(ensureTable(client, 'cxgc-prod', 'prod')).rejects.toThrow(/Refusing to create tables/);
  });
});
