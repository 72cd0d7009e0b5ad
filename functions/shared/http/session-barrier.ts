import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDB } from '@aws-sdk/client-dynamodb';

/**
 * Revocation without an extra round trip.
 *
 * A signed-in request's token is confirmed against the stored account (its roles, organisation,
 * and whether the token was signed out) by one read that starts as soon as the token verifies and
 * runs beside the handler's own first reads instead of before them. Two things make that safe:
 * - this barrier: while a request's confirmation is pending, every write it sends to DynamoDB
 *   waits for it, and a refused confirmation fails the write, so nothing is ever written on behalf
 *   of a revoked session;
 * - the route wrapper (mount-routes.ts) awaits the confirmation before any answer leaves, so a
 *   revoked session never sees a read's result either.
 * The per-request state travels in an AsyncLocalStorage, so no handler has to pass it along.
 */
interface BarrierState {
  pending: Promise<unknown> | null;
}

const storage = new AsyncLocalStorage<BarrierState>();

const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
  'ExecuteStatementCommand',
  'BatchExecuteStatementCommand',
  'ExecuteTransactionCommand',
]);

/** Runs `fn` (and everything it starts) with writes held until `pending` settles. */
export function withWriteBarrier<T>(pending: Promise<unknown>, fn: () => T): T {
  return storage.run({ pending }, fn);
}

/**
 * Runs `fn` without the barrier: only for writes that are harmless on behalf of a revoked session
 * and must not wait (the rate-limit counter, which runs before the handler).
 */
export function outsideWriteBarrier<T>(fn: () => T): T {
  return storage.run({ pending: null }, fn);
}

const installed = new WeakSet<DynamoDB>();

/** Adds the barrier to a DynamoDB client (once per client; dynamoose uses the same client). */
export function installWriteBarrier(client: DynamoDB): void {
  if (installed.has(client)) return;
  installed.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const pending = storage.getStore()?.pending;
      if (pending && WRITES.has((context as { commandName?: string }).commandName ?? '')) await pending;
      return next(args);
    },
    { step: 'initialize', name: 'sessionWriteBarrier' },
  );
}
