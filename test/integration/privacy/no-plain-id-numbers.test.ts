import { demoUsers } from '../../../functions/seed/demo-data';
import { dumpDatabase } from '../../support/privacy-run';

describe('privacy of stored data', () => {
  it('stores no resident ID number in plain text anywhere in the table', async () => {
    // A full scan of every page is acceptable here: this is a test of the whole table, never a request path.
    const dump = await dumpDatabase(process.env.DYNAMODB_ENDPOINT!);
    const idNumbers = demoUsers.flatMap((u) => (u.idNumber ? [u.idNumber] : []));
    expect(idNumbers.length).toBeGreaterThan(0);
    for (const id of idNumbers) expect(dump).not.toContain(id);
    expect(dump).not.toMatch(/\d{6}(19|20)\d{2}[01]\d[0-3]\d{4}[\dX]/);
  });
});
