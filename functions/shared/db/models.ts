import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import type { SchemaDefinition } from 'dynamoose/dist/Schema';
import type { ModelType } from 'dynamoose/dist/General';
import type { Item } from 'dynamoose/dist/Item';

/**
 * Each feature's repository defines its own dynamoose model here; the table is attached to all
 * of them once per process in `connectDatabase`. Every model shares the single table's key
 * attributes, so one definition of them lives here.
 */
const registered: ModelType<Item>[] = [];

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

export function defineModel<T extends AttributeItem = AttributeItem>(name: string, attributes: SchemaDefinition): ModelType<T> {
  const schema = new dynamoose.Schema({ ...keyAttributes, entity: String, ...attributes }, { saveUnknown: false });
  const model = dynamoose.model<T>(name, schema);
  registered.push(model as unknown as ModelType<Item>);
  return model;
}

export function allModels(): ModelType<Item>[] {
  return registered;
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
