import { DescribeTableCommand, GetItemCommand, PutItemCommand, type DynamoDB } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type Shard, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { keys } from '../shared/db/keys';

interface Options {
  /** The table's client (its stream's name, and where this reader keeps its positions). */
  dynamo: DynamoDB;
  endpoint: string;
  region: string;
  tableName: string;
  /** Lambda's filter pattern, in code: records it rejects never reach `handle`. */
  filter: (r: DynamoDBRecord) => boolean;
  /** The stream function. A failure leaves the batch to be handed again on the next pass. */
  handle: (records: DynamoDBRecord[]) => Promise<void>;
  batchSize?: number;
}

/**
 * The local stand-in for Lambda's event source mapping on the table's stream (`npm start` and the
 * tests; in AWS, serverless.yml's stream event does this):
 * 1. Every pass lists the stream's shards (DynamoDB Local closes shards and opens new ones) and
 *    reads a parent shard before its children.
 * 2. Each shard is read from where this reader last stood — kept in the table (STREAMPOS items),
 *    so a restart of `npm start` neither skips nor repeats a record — up to its current end, in
 *    batches; the records the filter keeps are handed to the function.
 * 3. A batch the function failed on is handed again on the next pass (as Lambda retries it);
 *    the position moves past a batch only once the function took it.
 */
export class LocalStreamReader {
  private readonly streams: DynamoDBStreamsClient;
  private readonly positions = new Map<string, { sequence?: string; done: boolean }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly o: Options) {
    this.streams = new DynamoDBStreamsClient({ endpoint: o.endpoint, region: o.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }

  /** One pass over every shard; the number of records handed to the function. Passes never overlap. */
  pass(): Promise<number> {
    const run = (this.running ?? Promise.resolve(0)).catch(() => 0).then(() => this.readAll());
    this.running = run;
    return run;
  }

  /** Passes until one hands nothing: everything written before the call has been through the function. */
  async drain(): Promise<void> {
    while ((await this.pass()) > 0);
  }

  /** Passes every `intervalMs` (a failing function is retried on the next one). */
  start(intervalMs: number, onError: (e: unknown) => void): void {
    this.timer = setInterval(() => void this.pass().catch(onError), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.streams.destroy();
  }

  private async readAll(): Promise<number> {
    const table = await this.o.dynamo.send(new DescribeTableCommand({ TableName: this.o.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${this.o.tableName} has no stream`);
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    let handed = 0;
    const ids = new Set(shards.map((s) => s.ShardId!));
    // Parents first: a shard is read once its parent (if the stream still lists it) is done.
    const ordered: Shard[] = [];
    const pending = [...shards];
    while (pending.length > 0) {
      const i = pending.findIndex((s) => !s.ParentShardId || !ids.has(s.ParentShardId) || ordered.some((o) => o.ShardId === s.ParentShardId));
      ordered.push(...pending.splice(i === -1 ? 0 : i, 1));
    }
    for (const shard of ordered) handed += await this.readShard(streamArn, shard);
    return handed;
  }

  private async position(shardId: string): Promise<{ sequence?: string; done: boolean }> {
    let p = this.positions.get(shardId);
    if (!p) {
      const stored = await this.o.dynamo.send(new GetItemCommand({ TableName: this.o.tableName, Key: marshall(keys.streamPosition(shardId)), ConsistentRead: true }));
      const item = stored.Item ? unmarshall(stored.Item) : undefined;
      p = { ...(item?.sequence ? { sequence: item.sequence as string } : {}), done: item?.done === true };
      this.positions.set(shardId, p);
    }
    return p;
  }

  private async readShard(streamArn: string, shard: Shard): Promise<number> {
    const shardId = shard.ShardId!;
    const p = await this.position(shardId);
    if (p.done) return 0;
    const iterator = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(p.sequence ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: p.sequence } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    let next = iterator.ShardIterator;
    let handed = 0;
    while (next) {
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: this.o.batchSize ?? 1000 }));
      const records = (page.Records ?? []).map((r) => lambdaRecord(r, streamArn));
      if (records.length === 0) {
        // A closed shard read to its end is done for good; an open one is read again next pass.
        if (!page.NextShardIterator) await this.save(shardId, { ...p, done: true });
        break;
      }
      const kept = records.filter(this.o.filter);
      if (kept.length > 0) {
        await this.o.handle(kept);
        handed += kept.length;
      }
      p.sequence = records[records.length - 1].dynamodb!.SequenceNumber!;
      // Kept only after a handed batch: saving after every batch would itself write to the stream.
      if (kept.length > 0) await this.save(shardId, p);
      next = page.NextShardIterator;
    }
    return handed;
  }

  private async save(shardId: string, p: { sequence?: string; done: boolean }): Promise<void> {
    this.positions.set(shardId, p);
    await this.o.dynamo.send(
      new PutItemCommand({ TableName: this.o.tableName, Item: marshall({ ...keys.streamPosition(shardId), entity: 'StreamPosition', ...(p.sequence ? { sequence: p.sequence } : {}), done: p.done }) }),
    );
  }
}

/** A stream record as Lambda delivers it. */
function lambdaRecord(r: _Record, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb!;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion,
    eventSource: r.eventSource,
    awsRegion: r.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(new Date(d.ApproximateCreationDateTime).getTime() / 1000) } : {}),
      Keys: d.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      ...(d.NewImage ? { NewImage: d.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
  };
}
