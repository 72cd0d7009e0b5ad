import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { getConfig } from '../../../functions/shared/config/config';
import { demoUsers } from '../../../functions/seed/demo-data';

describe('privacy of stored data', () => {
  it('stores no resident ID number in plain text anywhere in the table', async () => {
    const db = connectDatabase(getConfig());
    // A full scan is acceptable here: this is a test of the whole table, never a request path.
    const dump = JSON.stringify((await db.client.send(new ScanCommand({ TableName: db.tableName }))).Items);
    const idNumbers = demoUsers.flatMap((u) => (u.idNumber ? [u.idNumber] : []));
    expect(idNumbers.length).toBeGreaterThan(0);
    for (const id of idNumbers) expect(dump).not.toContain(id);
    expect(dump).not.toMatch(/\d{6}(19|20)\d{2}[01]\d[0-3]\d{4}[\dX]/);
  });
});
