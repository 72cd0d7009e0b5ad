import type { DynamoDBRecord } from 'aws-lambda';
import type { Clock } from '../shared/domain/clock';
import { backoff, isTransactionConflict } from '../shared/db/models';
import { countsByDay, redemptionRecords } from './redemption-stream';
import type { RedemptionCountsRepository } from './redemption-counts.repository';

const MAX_ATTEMPTS = 8;

/**
 * Redemptions per day for the credit centre's dashboard, counted from the table's stream by a
 * second function, so the redemption's own transaction carries no counter (two write units less
 * a redemption; one counter write a batch instead of one a redemption).
 * 1. Of a batch of stream records (one stream shard, in stream order) keep the new redemptions,
 *    each with its China day.
 * 2. One transaction adds each day's count and writes the batch's marker (its first record's
 *    event id, and the last sequence number it covers), unless that marker exists.
 * 3. A batch delivered again (Lambda retries a batch whose invocation failed after the counts
 *    went in) finds its marker: what the marker covers is not counted again, and records beyond
 *    it, if a redelivery carried more, are counted as a batch of their own (from 2).
 * 4. A transaction that collided with another one is retried; anything else fails the
 *    invocation, and Lambda delivers the batch again (3 keeps that exact).
 */
export async function countRedemptions(deps: { redemptionCounts: RedemptionCountsRepository; clock: Clock }, records: DynamoDBRecord[]): Promise<{ counted: number }> {
  let pending = redemptionRecords(records);
  let counted = 0;
  for (let attempt = 0; pending.length > 0; ) {
    const batch = { firstEventId: pending[0].eventId, lastSequence: pending[pending.length - 1].sequence, records: pending.length, countedAt: deps.clock.now() };
    let outcome;
    try {
      outcome = await deps.redemptionCounts.addBatch(batch, countsByDay(pending));
    } catch (e) {
      if (!isTransactionConflict(e) || ++attempt >= MAX_ATTEMPTS) throw e;
      await backoff(attempt);
      continue;
    }
    if (outcome.added) {
      counted += pending.length;
      break;
    }
    const after = outcome.countedUpTo;
    pending = pending.filter((r) => r.sequence > after);
  }
  return { counted };
}
