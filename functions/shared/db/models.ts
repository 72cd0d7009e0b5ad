import { BatchGetItemCommand, ConditionalCheckFailedException, GetItemCommand, QueryCommand, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import type { SchemaDefinition } from 'dynamoose/dist/Schema';
import type { ModelType } from 'dynamoose/dist/General';
import type { Item } from 'dynamoose/dist/Item';

/**
 * Each feature's repository defines its own dynamoose model here. Building a dynamoose schema is
 * the most expensive thing a cold start did (≈ 45 ms for all models in a CPU profile of the
 * bundled Lambda), and hot read paths do not use the models at all (see getPlainItem), so a model
 * is built on its first use: `defineModel` returns a stand-in that builds the real model, on the
 * single table named by `bindModelsToTable`, the first time anything of it is touched. Models of
 * the same table name share one dynamoose Table (dynamoose's single-table `tableName` option).
 * Every model shares the single table's key attributes, so one definition of them lives here.
 */
interface ModelEntry {
  name: string;
  attributes: SchemaDefinition;
  model?: ModelType<Item>;
}

let boundTable: string | undefined;

const keyAttributes: SchemaDefinition = {
  pk: { type: String, hashKey: true },
  sk: { type: String, rangeKey: true },
  gsi1pk: { type: String, index: { name: 'GSI1', type: 'global', rangeKey: 'gsi1sk' } },
  gsi1sk: String,
  gsi2pk: { type: String, index: { name: 'GSI2', type: 'global', rangeKey: 'gsi2sk' } },
  gsi2sk: String,
  ttl: Number,
};

/** Items are plain attribute bags at this layer; repositories map them to domain types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AttributeItem = Item & Record<string, any>;

function build(entry: ModelEntry): ModelType<Item> {
  if (entry.model) return entry.model;
  if (!boundTable) throw new Error(`model ${entry.name} used before bindModelsToTable()`);
  const schema = new dynamoose.Schema({ ...keyAttributes, entity: String, ...entry.attributes }, { saveUnknown: false });
  // The table exists already (serverless.yml in AWS, ensure-table locally): no create, update or wait.
  entry.model = dynamoose.model<Item>(entry.name, schema, { tableName: boundTable, create: false, update: false, waitForActive: false });
  return entry.model;
}

export function defineModel<T extends AttributeItem = AttributeItem>(name: string, attributes: SchemaDefinition): ModelType<T> {
  const entry: ModelEntry = { name, attributes };
  // A function target, so the stand-in can also be called and constructed like the model itself.
  return new Proxy(function lazyModel() {} as unknown as ModelType<T>, {
    get(_target, property) {
      const model = build(entry);
      const value = Reflect.get(model, property, model);
      return typeof value === 'function' ? value.bind(model) : value;
    },
    has: (_target, property) => Reflect.has(build(entry), property),
    apply: (_target, thisArg, args) => Reflect.apply(build(entry) as unknown as (...a: unknown[]) => unknown, thisArg, args),
    construct: (_target, args) => Reflect.construct(build(entry) as unknown as new (...a: unknown[]) => object, args),
  });
}

/** Names the single table every model lives in (once per process; the first call wins). */
export function bindModelsToTable(tableName: string): void {
  boundTable ??= tableName;
}

/**
 * True when DynamoDB refused a conditional write (the item was already there, or changed),
 * alone or as one of the reasons a transaction was cancelled.
 */
export function isConditionalFailure(e: unknown): boolean {
  if (e instanceof ConditionalCheckFailedException) return true;
  if (e instanceof TransactionCanceledException) {
    return (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/**
 * True when a transaction was cancelled because another transaction was working on one of its
 * items at that moment (not because a condition failed): the caller should read again and retry.
 */
export function isTransactionConflict(e: unknown): boolean {
  return e instanceof TransactionCanceledException && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
}

/** A short random pause before retrying a lost race, growing with the attempt. */
export const backoff = (attempt: number) => new Promise((r) => setTimeout(r, 5 + Math.random() * 25 * (attempt + 1)));

/**
 * One item by key, read straight through the SDK with the table's client. Hot read paths use
 * this instead of dynamoose's `Model.get`, whose per-attribute schema conversion dominated their
 * CPU time in profiles (bench/RESULTS.md); writes keep going through the models.
 */
export async function getPlainItem(tableName: string, key: { pk: string; sk: string }, consistent = false): Promise<Record<string, any> | null> {
  const out = await dynamoose.aws.ddb().send(
    new GetItemCommand({ TableName: tableName, Key: { pk: { S: key.pk }, sk: { S: key.sk } }, ConsistentRead: consistent }),
  );
  return out.Item ? unmarshall(out.Item) : null;
}

/** All items of one partition (optionally under a sort-key prefix), read straight through the SDK. */
export async function queryPlainItems(tableName: string, pk: string, skPrefix?: string, consistent = false): Promise<Array<Record<string, any>>> {
  const items: Array<Record<string, any>> = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: pk }, ...(skPrefix ? { ':prefix': { S: skPrefix } } : {}) },
        ConsistentRead: consistent,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) items.push(unmarshall(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * Many items by key (at most 100 a call, the calls side by side so more keys add no sequential
 * round trip; unprocessed keys retried), straight through the SDK.
 */
export async function batchGetPlainItems(tableName: string, keyList: Array<{ pk: string; sk: string }>, consistent = false): Promise<Array<Record<string, any>>> {
  const found: Array<Record<string, any>> = [];
  const starts = Array.from({ length: Math.ceil(keyList.length / 100) }, (_, n) => n * 100);
  await Promise.all(starts.map(async (i) => {
    let pending: Array<Record<string, AttributeValue>> = keyList.slice(i, i + 100).map((k) => ({ pk: { S: k.pk }, sk: { S: k.sk } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const out = await dynamoose.aws.ddb().send(new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }));
      for (const item of out.Responses?.[tableName] ?? []) found.push(unmarshall(item));
      pending = (out.UnprocessedKeys?.[tableName]?.Keys ?? []) as Array<Record<string, AttributeValue>>;
      if (pending.length > 0) await backoff(attempt);
    }
  }));
  return found;
}

/**
 * Inputs for the hot writes that go straight through the SDK (the redemption, ingestion, pass and
 * rate-limit writes), usable as a Put/Update of a transaction or sent on their own.
 */

/** A Put that only creates: it fails if an item with this key exists. */
export function createOnlyPut(tableName: string, item: Record<string, unknown>) {
  return { TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }), ConditionExpression: 'attribute_not_exists(pk)' };
}

/**
 * Adds one to a counter attribute, only while it is below `below` (when given), and stamps the
 * item's entity (and TTL, when given): quotas, stock, rate-limit windows, per-day counts.
 */
export function counterIncrement(tableName: string, key: { pk: string; sk: string }, c: { attribute: string; entity: string; below?: number; ttl?: number }) {
  const hasTtl = c.ttl !== undefined;
  const bounded = c.below !== undefined;
  return {
    TableName: tableName,
    Key: marshall(key),
    UpdateExpression: `ADD #n :one SET #entity = :entity${hasTtl ? ', #ttl = :ttl' : ''}`,
    ...(bounded ? { ConditionExpression: 'attribute_not_exists(#n) OR #n < :below' } : {}),
    ExpressionAttributeNames: { '#n': c.attribute, '#entity': 'entity', ...(hasTtl ? { '#ttl': 'ttl' } : {}) },
    ExpressionAttributeValues: marshall({ ':one': 1, ':entity': c.entity, ...(hasTtl ? { ':ttl': c.ttl } : {}), ...(bounded ? { ':below': c.below } : {}) }),
  };
}
