import { keys } from '../shared/db/keys';
import { defineModel } from '../shared/db/models';

const SnapshotModel = defineModel('StatsSnapshot', { dataJson: String, computedAt: String });
const DailyModel = defineModel('DailyCounter', { used: Number });

export class StatsRepository {
  async getSnapshot<T>(): Promise<T | null> {
    const doc = await SnapshotModel.get(keys.statsSnapshot());
    return doc ? (JSON.parse(doc.toJSON().dataJson) as T) : null;
  }

  async putSnapshot(snapshot: { computedAt: string }): Promise<void> {
    await SnapshotModel.create({ ...keys.statsSnapshot(), entity: 'StatsSnapshot', dataJson: JSON.stringify(snapshot), computedAt: snapshot.computedAt }, { overwrite: true });
  }

  /**
   * Redemptions per China day between two day keys (`D2026-11-14` … `D2026-11-27`): one Query over
   * the counter's shards (`D2026-11-27#00` … `#15`), summed per day.
   */
  async redemptionsPerDay(from: string, to: string): Promise<Map<string, number>> {
    const { pk } = keys.redemptionsPerDayPrefix();
    const docs = await DailyModel.query('pk').eq(pk).where('sk').between(from, `${to}#\uffff`).all().exec();
    const perDay = new Map<string, number>();
    for (const d of docs) {
      const { sk, used } = d.toJSON() as { sk: string; used?: number };
      const day = sk.split('#')[0];
      perDay.set(day, (perDay.get(day) ?? 0) + (used ?? 0));
    }
    return perDay;
  }
}
