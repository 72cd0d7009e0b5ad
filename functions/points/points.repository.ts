import { keys } from '../shared/db/keys';
import { defineModel, isConditionalFailure } from '../shared/db/models';
import type { DimensionCode } from './points.domain';

/** The per-resident points projection: one item, read in one GetItem however long the history. */
export interface PointsProjection {
  userId: string;
  /** Signed points per dimension on top of the base. */
  dimensions: Record<DimensionCode, number>;
  updatedAt: string;
}

const PointsModel = defineModel('PointsProjection', {
  userId: String,
  dimensions: { type: Object, schema: { honour: Number, virtue: Number, ethics: Number, family: Number, law: Number } },
  updatedAt: String,
});

export class PointsRepository {
  async get(userId: string): Promise<PointsProjection | null> {
    const doc = await PointsModel.get(keys.pointsProjection(userId));
    if (!doc) return null;
    const d = doc.toJSON();
    return { userId: d.userId, dimensions: d.dimensions, updatedAt: d.updatedAt };
  }

  async putIfAbsent(p: PointsProjection): Promise<boolean> {
    try {
      await PointsModel.create({ ...keys.pointsProjection(p.userId), entity: 'PointsProjection', ...p }, { overwrite: false });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
