import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../functions/app';
import { buildDeps, type AppDeps } from '../../functions/container';
import { localRedemptionCounter } from '../../functions/local/redemption-counter';
import type { LocalStreamReader } from '../../functions/local/stream-reader';
import { parseConfig, type Config } from '../../functions/shared/config/config';
import { connectDatabase } from '../../functions/shared/db/dynamo';

export interface TestApp {
  app: Express;
  deps: AppDeps;
  config: Config;
}

/** The real app on the test run's DynamoDB Local; `env` overrides variables for this app only. */
export async function testApp(env: Record<string, string> = {}, overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const config = parseConfig({ ...process.env, ...env });
  const deps = await buildDeps(config, overrides);
  return { app: createApp(deps), deps, config };
}

export async function loginAs(app: Express, userId: string): Promise<string> {
  const res = await request(app).post('/api/auth/dev-login').send({ userId });
  if (res.status !== 200) throw new Error(`dev-login ${userId} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

const counters = new Map<string, LocalStreamReader>();

/**
 * Runs the table's stream function (redemptions per day) over everything written so far, as
 * Lambda's event source mapping would within seconds in AWS: call it before reading the counts.
 */
export async function runStreamFunction(t: TestApp): Promise<void> {
  let reader = counters.get(t.config.tableName);
  if (!reader) {
    reader = localRedemptionCounter(t.config, connectDatabase(t.config).client);
    counters.set(t.config.tableName, reader);
  }
  await reader.drain();
}
