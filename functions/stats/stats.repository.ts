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

  /** Redemptions per China day between two day keys (`D2026-11-14` … `D2026-11-27`), one Query. */
  async redemptionsPerDay(from: string, to: string): Promise<Map<string, number>> {
    const pk = keys.redemptionsPerDay('').pk;
    const docs = await DailyModel.query('pk').eq(pk).where('sk').between(from, to).all().exec();
    return new Map(docs.map((d) => [d.toJSON().sk as string, (d.toJSON().used as number) ?? 0]));
  }
}
