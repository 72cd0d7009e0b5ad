import { keys, REDEMPTION_COUNTER_SHARDS } from '../shared/db/keys';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { defineModel, getPlainItem } from '../shared/db/models';
import { dueResidents, readResidentTotals, type ResidentTotals } from './resident-counters';

const SnapshotModel = defineModel('StatsSnapshot', { dataJson: String, computedAt: String });
const DailyModel = defineModel('DailyCounter', { used: Number });

export class StatsRepository {
  constructor(private readonly tableName: string) {}

  /** Counted residents by tier and their points sum, from the sharded counters (one Query). */
  residentTotals(): Promise<ResidentTotals> {
    return readResidentTotals(this.tableName);
  }

  /** Whether the residents verified before the counters existed have been counted (the job's one-off pass). */
  async residentsCounted(): Promise<boolean> {
    return (await getPlainItem(this.tableName, keys.residentCountersBackfill(), true)) !== null;
  }

  async markResidentsCounted(at: string): Promise<void> {
    await dynamoose.aws.ddb().send(new PutItemCommand({ TableName: this.tableName, Item: marshall({ ...keys.residentCountersBackfill(), entity: 'ResidentCountersBackfill', at }) }));
  }

  /** Counted residents of one shard whose projection has changed by itself by `at`. */
  dueResidents(shard: number, at: string): Promise<string[]> {
    return dueResidents(this.tableName, shard, at);
  }

  async getSnapshot<T>(): Promise<T | null> {
    const doc = await SnapshotModel.get(keys.statsSnapshot());
    return doc ? (JSON.parse(doc.toJSON().dataJson) as T) : null;
  }

  async putSnapshot(snapshot: { computedAt: string }): Promise<void> {
    await SnapshotModel.create({ ...keys.statsSnapshot(), entity: 'StatsSnapshot', dataJson: JSON.stringify(snapshot), computedAt: snapshot.computedAt }, { overwrite: true });
  }

  /**
   * Redemptions per China day between two day keys (`D2026-11-14` … `D2026-11-27`): one Query per
   * shard partition of the counter (`STATS#redemptions#00` … `#15`), side by side, summed per day;
   * plus the partition where all shards lived before (`STATS#redemptions`, sort keys `D…#07`).
   */
  async redemptionsPerDay(from: string, to: string): Promise<Map<string, number>> {
    const shards = Array.from({ length: REDEMPTION_COUNTER_SHARDS }, (_, i) => keys.redemptionsPerDayShard('', i).pk);
    const pages = await Promise.all([
      ...shards.map((pk) => DailyModel.query('pk').eq(pk).where('sk').between(from, to).all().exec()),
      DailyModel.query('pk').eq(keys.redemptionsPerDayPrefix().pk).where('sk').between(from, `${to}#\uffff`).all().exec(),
    ]);
    const perDay = new Map<string, number>();
    for (const d of pages.flat()) {
      const { sk, used } = d.toJSON() as { sk: string; used?: number };
      const day = sk.split('#')[0];
      perDay.set(day, (perDay.get(day) ?? 0) + (used ?? 0));
    }
    return perDay;
  }
}
