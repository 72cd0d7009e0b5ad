import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { ingestCreditRecords } from '../functions/credit/ingest-credit-records';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { keys } from '../functions/shared/db/keys';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import type { BenchStack } from './support/stack';
import { runLoad, runOps, type LoadResult } from './support/load';

/**
 * `GET /api/points/me` for a resident with 10 events and one with 1,000: with the per-subject
 * projection the two should cost the same. Beside them: the raw DynamoDB operations one read
 * performs (GetItem of the user, then GetItem of the projection).
 */
async function residentWithEvents(stack: BenchStack, count: number): Promise<string> {
  const userId = `u-bench-${randomUUID()}`;
  await stack.deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
  const body = `41010419${70 + (count % 20)}0101${String(count % 1000).padStart(3, '0')}`.slice(0, 17);
  const idNumber = body + idCheckChar(body);
  const { verifyRealName, SENSITIVE_PI_CONSENT } = await import('../functions/identity/verify-real-name');
  await verifyRealName({ ...stack.deps, idHashPepper: stack.config.idHashPepper }, userId, { name: '测试', idNumber, consentVersion: SENSITIVE_PI_CONSENT.version });
  for (let i = 0; i < count; i += 500) {
    const records = Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
      sourceId: `PR-${userId}-${i + k}`,
      subjectType: 'person',
      subjectId: idNumber,
      ruleId: 'P-LAW-02',
      occurredAt: new Date(Date.now() - (1 + ((i + k) % 60)) * 86_400_000).toISOString(),
    }));
    await ingestCreditRecords({ ...stack.deps, idHashPepper: stack.config.idHashPepper }, 'org-dept-market', records);
  }
  const { token } = await stack.deps.tokens.issue({ userId, roles: ['resident'] }, Math.floor(Date.now() / 1000));
  return `${userId} ${token}`;
}

export async function benchPointsRead(stack: BenchStack, durationMs: number) {
  const rows: Array<{ label: string; connections: number; api: LoadResult; raw: LoadResult }> = [];
  const db = connectDatabase(stack.config);
  for (const events of [10, 1000]) {
    const [userId, token] = (await residentWithEvents(stack, events)).split(' ');
    const user = await stack.deps.identities.getUser(userId);
    const rawRead = async () => {
      await db.client.send(new GetItemCommand({ TableName: stack.config.tableName, Key: { pk: { S: keys.user(userId).pk }, sk: { S: 'PROFILE' } } }));
      await db.client.send(new GetItemCommand({ TableName: stack.config.tableName, Key: { pk: { S: `SUBJ#${user!.subjectKey}` }, sk: { S: 'PROJECTION' } }, ConsistentRead: true }));
    };
    // Warm-up, not measured: this is the first load of the run, and a cold JIT (ours and DynamoDB
    // Local's) would otherwise halve the first row's figures.
    await runLoad({ url: `${stack.baseUrl}/api/points/me`, headers: { authorization: `Bearer ${token}` }, connections: 1, durationMs: 2000 });
    await runOps(rawRead, { connections: 1, durationMs: 2000 });
    for (const connections of [1, 32]) {
      const api = await runLoad({ url: `${stack.baseUrl}/api/points/me`, headers: { authorization: `Bearer ${token}` }, connections, durationMs });
      const raw = await runOps(rawRead, { connections, durationMs });
      rows.push({ label: `${events} events`, connections, api, raw });
    }
  }
  return rows;
}
