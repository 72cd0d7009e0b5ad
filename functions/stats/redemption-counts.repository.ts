import { randomInt } from 'node:crypto';
import { GetItemCommand, TransactionCanceledException, TransactWriteItemsCommand, type DynamoDB, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { keys, REDEMPTION_COUNTER_SHARDS } from '../shared/db/keys';

/** How long a counted batch's marker is kept: beyond the stream's 24-hour retention, so no redelivery outlives it. */
const MARKER_TTL_SECONDS = 2 * 86_400;

export type AddOutcome = { added: true } | { added: false; countedUpTo: bigint };

/**
 * The per-day redemption counters, written from the table's stream. Straight through the SDK with
 * the client it is given (the stream function loads no models).
 */
export class RedemptionCountsRepository {
  constructor(
    private readonly client: DynamoDB,
    private readonly tableName: string,
  ) {}

  /**
   * Adds a batch's counts, all or nothing, in one transaction: the batch's marker (only if no
   * batch starting at the same record was counted) and each day's count on one of its counter
   * shards at random. When the marker exists, nothing is added and the marker says how far that
   * earlier delivery counted.
   */
  async addBatch(batch: { firstEventId: string; lastSequence: bigint; records: number; countedAt: Date }, counts: Map<string, number>): Promise<AddOutcome> {
    const TableName = this.tableName;
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName,
          Item: marshall({
            ...keys.streamBatch(batch.firstEventId),
            entity: 'StreamBatch',
            lastSequence: batch.lastSequence.toString(),
            records: batch.records,
            countedAt: batch.countedAt.toISOString(),
            ttl: Math.floor(batch.countedAt.getTime() / 1000) + MARKER_TTL_SECONDS,
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...[...counts].map(([day, n]) => ({
        Update: {
          TableName,
          Key: marshall(keys.redemptionsPerDayShard(day, randomInt(REDEMPTION_COUNTER_SHARDS))),
          UpdateExpression: 'ADD #n :n SET #entity = :entity',
          ExpressionAttributeNames: { '#n': 'used', '#entity': 'entity' },
          ExpressionAttributeValues: marshall({ ':n': n, ':entity': 'UsageCounter' }),
        },
      })),
    ];
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: items }));
      return { added: true };
    } catch (e) {
      if (!(e instanceof TransactionCanceledException) || e.CancellationReasons?.[0]?.Code !== 'ConditionalCheckFailed') throw e;
      const marker = await this.client.send(new GetItemCommand({ TableName, Key: marshall(keys.streamBatch(batch.firstEventId)), ConsistentRead: true }));
      return { added: false, countedUpTo: BigInt(unmarshall(marker.Item!).lastSequence as string) };
    }
  }
}
