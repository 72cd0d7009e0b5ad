import { randomUUID } from 'node:crypto';
import { BatchGetItemCommand, GetItemCommand, QueryCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { keys } from '../functions/shared/db/keys';
import { mapLimit } from '../functions/shared/domain/concurrency';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import type { BenchStack } from './support/stack';
import { summarise, type LoadResult } from './support/load';

/**
 * `POST /api/redemptions` at 1 and 32 connections, each request redeeming a fresh pass, beside
 * the raw DynamoDB operations one redemption performs (5 GetItem, 1 Query, 1 BatchGetItem,
 * 1 TransactWriteItems of 6 items), run directly with the SDK.
 */
async function post(url: string, token: string, body: object): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function timed(items: string[], connections: number, op: (item: string) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  await mapLimit(items, connections, async (item) => {
    const t0 = process.hrtime.bigint();
    if (!(await op(item))) errors++;
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
  return summarise(latencies, errors, (Date.now() - started) / 1000);
}

export async function benchRedemptions(stack: BenchStack, perRun: number) {
  const { deps, baseUrl, config } = stack;
  const now = Math.floor(Date.now() / 1000);
  const admin = (await deps.tokens.issue({ userId: 'admin', roles: ['admin'], orgId: 'org-centre' }, now)).token;
  const merchant = (await deps.tokens.issue({ userId: 'mer-museum', roles: ['merchant'], orgId: 'org-museum' }, now)).token;
  const id = `bench-${randomUUID().slice(0, 8)}`;
  await post(`${baseUrl}/api/incentives`, admin, {
    id, category: 'travel', title: '压测场景', benefit: '压测', minPoints: 0, quota: { count: 100, period: 'day' },
    validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), merchantIds: ['org-museum'],
  });
  const residents: string[] = [];
  const { verifyRealName, SENSITIVE_PI_CONSENT } = await import('../functions/identity/verify-real-name');
  // One resident per pass: a counter serves many residents, each redeeming once (the quota counter
  // of one resident redeeming 32 passes at once would make the transactions collide).
  for (let i = 0; i < perRun * 2; i++) {
    const userId = `u-bench-red-${randomUUID()}`;
    await deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
    const body = `4101041985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    await verifyRealName({ ...deps, idHashPepper: config.idHashPepper }, userId, { name: '测试', idNumber: body + idCheckChar(body), consentVersion: SENSITIVE_PI_CONSENT.version });
    residents.push((await deps.tokens.issue({ userId, roles: ['resident'] }, now)).token);
  }
  const issue = async (n: number, first: number) => {
    const passes: string[] = [];
    await mapLimit(Array.from({ length: n }, (_, i) => residents[(first + i) % residents.length]), 8, async (token) => {
      const r = await post(`${baseUrl}/api/incentives/${id}/passes`, token, {});
      if (r.status === 201) passes.push(r.body.pass);
    });
    return passes;
  };
  const redeem = async (pass: string) => (await post(`${baseUrl}/api/redemptions`, merchant, { pass })).status === 201;

  const db = connectDatabase(config);
  const T = config.tableName;
  const k = (x: { pk: string; sk: string }) => ({ pk: { S: x.pk }, sk: { S: x.sk } });
  const rawRedemption = async (n: string) => {
    await db.client.send(new GetItemCommand({ TableName: T, Key: k(keys.pass(`raw${n}`)), ConsistentRead: true }));
    await db.client.send(new GetItemCommand({ TableName: T, Key: k(keys.incentive(id)) }));
    await db.client.send(new GetItemCommand({ TableName: T, Key: k(keys.user('res-zhang')) }));
    await db.client.send(new GetItemCommand({ TableName: T, Key: k({ pk: 'SUBJ#x', sk: 'PROJECTION' }), ConsistentRead: true }));
    await db.client.send(new QueryCommand({ TableName: T, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'MEASURES' } } }));
    await db.client.send(new BatchGetItemCommand({ RequestItems: { [T]: { Keys: [k(keys.incentiveQuota(id, n, 'D1')), k(keys.incentiveStock(id))] } } }));
    const put = (pk: string) => ({ Put: { TableName: T, Item: { pk: { S: pk }, sk: { S: 'RAW' } }, ConditionExpression: 'attribute_not_exists(pk)' } });
    await db.client.send(new TransactWriteItemsCommand({ TransactItems: [put(`RAWP#${n}`), put(`RAWQ#${n}`), put(`RAWR#${n}`), put(`RAWA#${n}`), put(`RAWD#${n}`), put(`RAWS#${n}`)] }));
    return true;
  };

  const rows: Array<{ connections: number; api: LoadResult; raw: LoadResult }> = [];
  for (const connections of [1, 32]) {
    const passes = await issue(perRun, rows.length * perRun);
    const api = await timed(passes, connections, redeem);
    const raw = await timed(passes.map(() => randomUUID()), connections, rawRedemption);
    rows.push({ connections, api, raw });
  }
  return rows;
}
