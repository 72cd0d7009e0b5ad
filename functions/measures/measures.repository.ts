import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { defineModel, isConditionalFailure, queryPlainItems } from '../shared/db/models';
import type { Measure } from './measures.domain';

const MeasureModel = defineModel('Measure', { measureId: String, dataJson: String, updatedAt: String });

export class MeasuresRepository {
  constructor(private readonly tableName: string) {}

  /** The whole published list (a few dozen items at most) in one Query. */
  async list(): Promise<Array<Measure & { updatedAt: string }>> {
    const { pk, skPrefix } = keys.measuresPrefix();
    const docs = await queryPlainItems(this.tableName, pk, skPrefix);
    return docs
      .map((j) => {
        const m = JSON.parse(j.dataJson) as Measure;
        // Stored before measures named the purposes they restrict: none.
        return { ...m, purposes: m.purposes ?? [], updatedAt: j.updatedAt as string };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Create (expected null) or replace over the version the editor saw. */
  async save(m: Measure, updatedAt: string, expectedUpdatedAt: string | null): Promise<boolean> {
    const condition = expectedUpdatedAt === null ? new dynamoose.Condition('pk').not().exists() : new dynamoose.Condition('updatedAt').eq(expectedUpdatedAt);
    try {
      await MeasureModel.create({ ...keys.measure(m.id), entity: 'Measure', measureId: m.id, dataJson: JSON.stringify(m), updatedAt }, { overwrite: true, condition });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
