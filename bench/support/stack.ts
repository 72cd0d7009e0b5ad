import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../functions/app';
import { buildDeps, type AppDeps } from '../../functions/container';
import { startDynamoLocal, type RunningDynamo } from '../../functions/local/dynamodb-local';
import { freePort } from '../../functions/local/ports';
import { seedDemo } from '../../functions/seed/seed-demo';
import { parseConfig, type Config } from '../../functions/shared/config/config';
import { connectDatabase } from '../../functions/shared/db/dynamo';
import { ensureTable } from '../../functions/shared/db/ensure-table';

/**
 * The local server as benchmarks measure it: the Express app under `app.listen` on an in-memory
 * DynamoDB Local (never serverless-offline, which starts a worker per request).
 */
export interface BenchStack {
  config: Config;
  deps: AppDeps;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo: RunningDynamo = await startDynamoLocal({ port: await freePort() });
  const config = parseConfig({ STAGE: 'test', LOG_LEVEL: 'SILENT', TABLE_NAME: 'cxgc-bench', DYNAMODB_ENDPOINT: dynamo.endpoint, PASS_TTL_SECONDS: '600' });
  const db = connectDatabase(config);
  await ensureTable(db.client, config.tableName, config.stage);
  const deps = await buildDeps(config);
  await seedDemo(deps, config.idHashPepper);
  const server: Server = await new Promise((resolve) => {
    const s = createApp(deps).listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    config,
    deps,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      db.client.destroy();
      await dynamo.stop();
    },
  };
}
