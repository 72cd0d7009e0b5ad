import { buildDeps } from '../../functions/container';
import { seedDemo } from '../../functions/seed/seed-demo';
import { parseConfig } from '../../functions/shared/config/config';
import { connectDatabase } from '../../functions/shared/db/dynamo';
import { ensureTable } from '../../functions/shared/db/ensure-table';

export async function prepareDatabase(): Promise<void> {
  const config = parseConfig(process.env);
  const db = connectDatabase(config);
  await ensureTable(db.client, config.tableName, config.stage);
  await seedDemo(await buildDeps(config), config.idHashPepper);
  // The parent jest process is done with the database: free its keep-alive sockets.
  db.client.destroy();
}
