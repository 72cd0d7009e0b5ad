import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { periodKey } from '../incentives/incentives.domain';

/**
 * Which of the table's stream records the redemption counter receives: new redemption items.
 * serverless.yml gives Lambda's event source mapping the same pattern (a test compares them), so
 * the function is not even invoked for other writes; the local stream reader applies it in code.
 */
export const REDEMPTION_STREAM_FILTER = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['Redemption'] } } } } as const;

export function isNewRedemption(r: DynamoDBRecord): boolean {
  return r.eventName === 'INSERT' && (r.dynamodb?.NewImage as Record<string, AttributeValue> | undefined)?.entity?.S === 'Redemption';
}

/** A stream record as the counter needs it: its position and, for a new redemption, its China day. */
export interface CountedRecord {
  eventId: string;
  sequence: bigint;
  day: string;
}

/** The new redemptions of a batch, in stream order, each with its China day (`D2026-12-08`). */
export function redemptionRecords(records: DynamoDBRecord[]): CountedRecord[] {
  return records.filter(isNewRedemption).map((r) => ({
    eventId: r.eventID!,
    sequence: BigInt(r.dynamodb!.SequenceNumber!),
    day: periodKey('day', new Date(r.dynamodb!.NewImage!.redeemedAt.S!)),
  }));
}

/** How many redemptions each day gets from these records. */
export function countsByDay(records: CountedRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.day, (counts.get(r.day) ?? 0) + 1);
  return counts;
}
