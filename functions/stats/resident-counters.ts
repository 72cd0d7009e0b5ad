import { randomInt } from 'node:crypto';
import { QueryCommand, TransactionCanceledException, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { TIERS, type Tier } from '../points/points.domain';
import { personalPoints } from '../points/points.engine';
import { keys, RESIDENT_COUNTER_SHARDS } from '../shared/db/keys';
import { backoff, getPlainItem } from '../shared/db/models';

/**
 * The dashboard's resident figures as counters kept where the facts change, so the statistics
 * job never reads the residents one by one.
 *
 * A counted resident (verified, consent not withdrawn) has a STAT item beside their projection
 * (`SUBJ#<subject> / STAT`): the tier and points they are counted under and when their projection
 * next changes by itself (an expiry). The counters are sums over the STAT items, spread over
 * RESIDENT_COUNTER_SHARDS items (`STATS#residents / S#07`), one at random per change.
 *
 * Exactness rests on one rule: every write that moves a STAT item moves the counters in the same
 * transaction, and is serialised against every projection write by the projection's version:
 * - projection writers (ingestion, an answered objection or repair, a read-time refresh) rewrite
 *   the STAT item they read under its old values, or check that it is still absent;
 * - enrolment and removal (verification, consent withdrawn or given again) check the projection
 *   version they computed the STAT item from, and the user's state they decided on.
 */

export type TierCode = Tier['code'];

export interface ResidentStat {
  tier: TierCode;
  points: number;
  /** When the projection changes by itself (an event stops counting); null when never. */
  dueAt: string | null;
}

/** What a resident counts as with this projection (none yet: the base points). */
export function statOf(projection: { delta: number; nextChangeAt: string | null } | null): ResidentStat {
  const { points, tier } = personalPoints(projection?.delta ?? 0);
  return { tier: tier.code, points, dueAt: projection?.nextChangeAt ?? null };
}

/** The counter changes of a move from one STAT to another (null: not counted); empty when none. */
export function counterDelta(from: ResidentStat | null, to: ResidentStat | null): Record<string, number> {
  const d: Record<string, number> = {};
  const add = (k: string, n: number) => {
    if (n !== 0) d[k] = (d[k] ?? 0) + n;
  };
  if (from) {
    add('verified', -1);
    add(`t_${from.tier}`, -1);
    add('points', -from.points);
  }
  if (to) {
    add('verified', 1);
    add(`t_${to.tier}`, 1);
    add('points', to.points);
  }
  for (const k of Object.keys(d)) if (d[k] === 0) delete d[k];
  return d;
}

const sameStat = (a: ResidentStat | null, b: ResidentStat | null) =>
  a === b || (!!a && !!b && a.tier === b.tier && a.points === b.points && a.dueAt === b.dueAt);

/** The STAT's expiry index: sharded by subject so a bulk load does not write one GSI partition. */
function dueIndex(subjectKey: string, dueAt: string | null) {
  if (!dueAt) return {};
  let h = 0;
  for (const ch of subjectKey) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return keys.residentStatDueIndex(h % RESIDENT_COUNTER_SHARDS, dueAt, subjectKey);
}

export function toStat(item: Record<string, any> | undefined | null): ResidentStat | null {
  return item ? { tier: item.tier, points: item.points, dueAt: item.dueAt ?? null } : null;
}

/**
 * The transaction items that move a person subject's STAT item from what the writer read to what
 * its new projection makes it (for a subject that is not counted: a check that it still is not).
 * Counters move only when the tier, points or membership change.
 */
export function residentStatWrites(tableName: string, subjectKey: string, from: ResidentStat | null, to: ResidentStat | null): TransactWriteItem[] {
  const Key = marshall(keys.residentStat(subjectKey));
  const guard = from
    ? { ConditionExpression: '#tier = :oldTier AND #points = :oldPoints', ExpressionAttributeNames: { '#tier': 'tier', '#points': 'points' }, ExpressionAttributeValues: marshall({ ':oldTier': from.tier, ':oldPoints': from.points }) }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  if (sameStat(from, to) && !from) return [{ ConditionCheck: { TableName: tableName, Key, ...guard } }];
  const items: TransactWriteItem[] = [];
  if (to) {
    const item = { ...keys.residentStat(subjectKey), ...dueIndex(subjectKey, to.dueAt), entity: 'ResidentStat', subjectKey, tier: to.tier, points: to.points, ...(to.dueAt ? { dueAt: to.dueAt } : {}) };
    items.push({ Put: { TableName: tableName, Item: marshall(item), ...guard } });
  } else {
    items.push({ Delete: { TableName: tableName, Key, ...guard } });
  }
  const delta = counterDelta(from, to);
  const names = Object.keys(delta);
  if (names.length > 0) {
    items.push({
      Update: {
        TableName: tableName,
        Key: marshall(keys.residentCounter(randomInt(RESIDENT_COUNTER_SHARDS))),
        UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')} SET #entity = :entity`,
        ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#c${i}`, n])), '#entity': 'entity' },
        ExpressionAttributeValues: marshall({ ...Object.fromEntries(names.map((n, i) => [`:c${i}`, delta[n]])), ':entity': 'ResidentCounter' }),
      },
    });
  }
  return items;
}

export interface ResidentTotals {
  verified: number;
  pointsSum: number;
  byTier: Record<TierCode, number>;
}

/** The counters summed over their shards: one Query. */
export async function readResidentTotals(tableName: string): Promise<ResidentTotals> {
  const totals: ResidentTotals = { verified: 0, pointsSum: 0, byTier: Object.fromEntries(TIERS.map((t) => [t.code, 0])) as Record<TierCode, number> };
  const out = await dynamoose.aws.ddb().send(
    new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: marshall({ ':pk': keys.residentCounter(0).pk }), ConsistentRead: true }),
  );
  for (const raw of out.Items ?? []) {
    const c = unmarshall(raw);
    totals.verified += c.verified ?? 0;
    totals.pointsSum += c.points ?? 0;
    for (const t of TIERS) totals.byTier[t.code] += c[`t_${t.code}`] ?? 0;
  }
  return totals;
}

/** Counted residents whose projection changed by itself by `at` (the STAT expiry index, one shard). */
export async function dueResidents(tableName: string, shard: number, at: string): Promise<string[]> {
  const subjects: string[] = [];
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :at',
        ExpressionAttributeValues: marshall({ ':pk': keys.residentStatDueIndex(shard, '', '').gsi2pk, ':at': `${at}#\uffff` }),
        ExclusiveStartKey: startKey,
      }),
    );
    for (const i of page.Items ?? []) subjects.push(unmarshall(i).subjectKey);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return subjects;
}

/** A subject's projection item and STAT item, in one strongly consistent Query (they sort next to each other). */
export async function readProjectionAndStat(tableName: string, subjectKey: string): Promise<{ projection: Record<string, any> | null; stat: ResidentStat | null }> {
  const { pk } = keys.subjectProjection(subjectKey);
  const out = await dynamoose.aws.ddb().send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: marshall({ ':pk': pk, ':from': keys.subjectProjection(subjectKey).sk, ':to': keys.residentStat(subjectKey).sk }),
      ConsistentRead: true,
    }),
  );
  const items = (out.Items ?? []).map((i) => unmarshall(i));
  return {
    projection: items.find((i) => i.sk === keys.subjectProjection(subjectKey).sk) ?? null,
    stat: toStat(items.find((i) => i.sk === keys.residentStat(subjectKey).sk)),
  };
}

/**
 * Brings a user's STAT item (and the counters) in line with whether they count now: a verified
 * resident whose consent stands counts, anyone else does not. Called after verification, consent
 * withdrawn or given again, and by the seed; idempotent, so calling it twice changes nothing.
 * The transaction checks the user's state and the projection version it decided on: a concurrent
 * projection write or consent change makes it read again.
 */
export async function syncResidentStat(tableName: string, userId: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const user = await getPlainItem(tableName, keys.user(userId), true);
    if (!user?.subjectKey || !String(user.subjectKey).startsWith('P#')) return;
    const subjectKey = user.subjectKey as string;
    const counted = user.gsi2pk === keys.verifiedResidentIndex(userId).gsi2pk && !user.consentWithdrawnAt;
    const { projection, stat } = await readProjectionAndStat(tableName, subjectKey);
    const target = counted ? statOf(projection ? { delta: projection.delta, nextChangeAt: projection.nextChangeAt ?? null } : null) : null;
    if (sameStat(stat, target)) return;
    const userKey = marshall(keys.user(userId));
    const projectionKey = marshall(keys.subjectProjection(subjectKey));
    const items: TransactWriteItem[] = [
      {
        ConditionCheck: {
          TableName: tableName,
          Key: userKey,
          ConditionExpression: user.consentWithdrawnAt ? 'attribute_exists(#w)' : 'attribute_not_exists(#w)',
          ExpressionAttributeNames: { '#w': 'consentWithdrawnAt' },
        },
      },
      {
        ConditionCheck: projection
          ? { TableName: tableName, Key: projectionKey, ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: marshall({ ':v': projection.version }) }
          : { TableName: tableName, Key: projectionKey, ConditionExpression: 'attribute_not_exists(pk)' },
      },
      ...residentStatWrites(tableName, subjectKey, stat, target),
    ];
    try {
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return;
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      await backoff(attempt);
    }
  }
  throw new Error(`resident statistics of ${userId} could not be brought up to date`);
}
