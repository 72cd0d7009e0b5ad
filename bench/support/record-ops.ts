import { randomUUID } from 'node:crypto';
import * as ddb from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDB } from '@aws-sdk/client-dynamodb';

/**
 * The "raw" side of a benchmark row, derived rather than hand-written: while the endpoint serves
 * one request, a middleware on the process's DynamoDB client records every command it sends (name,
 * input, start and end). `replayer` then sends the same commands directly with the SDK:
 *   - reads (GetItem, BatchGetItem, Query) exactly as recorded;
 *   - writes retargeted to fresh keys (`RAW#…`, index keys too), so a replay never collides with the
 *     endpoint's data or with another replay; conditions that only guard creation are kept, update
 *     conditions on attributes a fresh item lacks are dropped;
 *   - commands that overlapped in time while recording are sent together (Promise.all), in the same
 *     waves, so the raw side gets the same parallelism the application used.
 */
export interface RecordedOp {
  command: string;
  input: any;
  start: number;
  end: number;
  /** With `capacity`: the call's ConsumedCapacity (TOTAL), as DynamoDB reported it. */
  consumed?: Array<{ ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number; TableName?: string }>;
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

/**
 * Records the commands `action` makes the client send. With `capacity`, every command is sent with
 * `ReturnConsumedCapacity: TOTAL` (what the cost figures are made of) and its consumption kept.
 */
export async function recordOperations(client: DynamoDB, action: () => Promise<unknown>, options: { capacity?: boolean } = {}): Promise<RecordedOp[]> {
  const ops: RecordedOp[] = [];
  const name = `bench-record-${randomUUID()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op: RecordedOp = { command: (context as { commandName?: string }).commandName ?? 'unknown', input: structuredClone(args.input), start: performance.now(), end: 0 };
      ops.push(op);
      if (options.capacity) (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      try {
        const out = await next(args);
        if (options.capacity) {
          const c = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
          op.consumed = (Array.isArray(c) ? c : c ? [c] : []) as RecordedOp['consumed'];
        }
        return out;
      } catch (e) {
        // A cancelled transaction or a failed condition still consumed capacity; DynamoDB Local omits it.
        op.consumed = [];
        throw e;
      } finally {
        op.end = performance.now();
      }
    },
    { step: 'initialize', name },
  );
  try {
    await action();
  } finally {
    client.middlewareStack.remove(name);
  }
  return ops;
}

/** Groups overlapping commands: a command joins the current wave if it started before the wave's first one ended. */
export function waves(ops: RecordedOp[]): RecordedOp[][] {
  const out: RecordedOp[][] = [];
  for (const op of [...ops].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && op.start < Math.min(...last.map((o) => o.end))) last.push(op);
    else out.push([op]);
  }
  return out;
}

/** "GetItem ×2, Query, TransactWriteItems (4 items)" — for the results table. */
export function describeOps(ops: RecordedOp[]): string {
  const parts: string[] = [];
  const counts = new Map<string, number>();
  for (const op of ops) {
    const base = op.command.replace(/Command$/, '');
    const items = (n: number) => ` (${n} ${n === 1 ? 'item' : 'items'})`;
    const detail = base === 'TransactWriteItems' || base === 'TransactGetItems' ? items(op.input.TransactItems.length) : base === 'BatchGetItem' || base === 'BatchWriteItem' ? items(Object.values(op.input.RequestItems as Record<string, unknown[] | { Keys: unknown[] }>).reduce((n, r) => n + (Array.isArray(r) ? r.length : r.Keys.length), 0)) : '';
    const label = base + detail;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  for (const [label, n] of counts) parts.push(n > 1 ? `${label} ×${n}` : label);
  return parts.join(', ');
}

function retargetItem(item: Record<string, AttributeValue>, tag: string): Record<string, AttributeValue> {
  const out = { ...item };
  for (const k of KEY_ATTRIBUTES) if (out[k]?.S !== undefined) out[k] = { S: `RAW#${tag}#${out[k].S}` };
  return out;
}

const onlyCreationGuard = (expr: string | undefined) => (expr && /^attribute_not_exists\(\s*#?\w+\s*\)$/.test(expr.trim()) ? expr : undefined);

function keepNames(input: { ExpressionAttributeNames?: Record<string, string> }, exprs: Array<string | undefined>) {
  const used = Object.entries(input.ExpressionAttributeNames ?? {}).filter(([k]) => exprs.some((e) => e?.includes(k)));
  return used.length ? Object.fromEntries(used) : undefined;
}

function keepValues(input: { ExpressionAttributeValues?: Record<string, AttributeValue> }, exprs: Array<string | undefined>) {
  const used = Object.entries(input.ExpressionAttributeValues ?? {}).filter(([k]) => exprs.some((e) => e && new RegExp(`${k}\\b`).test(e)));
  return used.length ? Object.fromEntries(used) : undefined;
}

/** An UpdateItem-shaped input on a fresh key, keeping the update and dropping value conditions. */
function retargetUpdate(u: any, tag: string) {
  const condition = onlyCreationGuard(u.ConditionExpression);
  const exprs = [u.UpdateExpression, condition];
  return { ...u, Key: retargetItem(u.Key, tag), ConditionExpression: condition, ExpressionAttributeNames: keepNames(u, exprs), ExpressionAttributeValues: keepValues(u, exprs) };
}

function retargetPut(p: any, tag: string) {
  const condition = onlyCreationGuard(p.ConditionExpression);
  return { ...p, Item: retargetItem(p.Item, tag), ConditionExpression: condition, ExpressionAttributeNames: keepNames(p, [condition]), ExpressionAttributeValues: undefined };
}

function retarget(op: RecordedOp, tag: string): { command: string; input: any } {
  const { command, input } = op;
  switch (command) {
    case 'PutItemCommand':
      return { command, input: retargetPut(input, tag) };
    case 'UpdateItemCommand':
      return { command, input: retargetUpdate(input, tag) };
    case 'DeleteItemCommand':
      return { command, input: { TableName: input.TableName, Key: retargetItem(input.Key, tag) } };
    case 'TransactWriteItemsCommand':
      return {
        command,
        input: {
          TransactItems: input.TransactItems.map((t: any) => {
            if (t.Put) return { Put: retargetPut(t.Put, tag) };
            if (t.Update) return { Update: retargetUpdate(t.Update, tag) };
            if (t.Delete) return { Delete: { TableName: t.Delete.TableName, Key: retargetItem(t.Delete.Key, tag) } };
            // A condition check on a fresh key: the same read inside the transaction, always true.
            return { ConditionCheck: { TableName: t.ConditionCheck.TableName, Key: retargetItem(t.ConditionCheck.Key, tag), ConditionExpression: 'attribute_not_exists(pk)' } };
          }),
        },
      };
    case 'BatchWriteItemCommand':
      return {
        command,
        input: {
          RequestItems: Object.fromEntries(
            Object.entries(input.RequestItems as Record<string, any[]>).map(([table, reqs]) => [
              table,
              reqs.map((r) => (r.PutRequest ? { PutRequest: { Item: retargetItem(r.PutRequest.Item, tag) } } : { DeleteRequest: { Key: retargetItem(r.DeleteRequest.Key, tag) } })),
            ]),
          ),
        },
      };
    default:
      return { command, input };
  }
}

/** A function that performs the recorded commands once, raw, with fresh keys for every write. */
export function replayer(client: DynamoDB, ops: RecordedOp[]): () => Promise<void> {
  const plan = waves(ops);
  const commands = ddb as unknown as Record<string, new (input: unknown) => any>;
  return async () => {
    const tag = randomUUID();
    for (const wave of plan) {
      await Promise.all(
        wave.map((op) => {
          const { command, input } = retarget(op, tag);
          const Command = commands[command];
          if (!Command) throw new Error(`cannot replay ${command}`);
          return client.send(new Command(input));
        }),
      );
    }
  };
}
