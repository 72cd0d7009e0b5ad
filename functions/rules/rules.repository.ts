import { keys } from '../shared/db/keys';
import { defineModel, isConditionalFailure, queryPlainItems } from '../shared/db/models';
import type { CatalogueVersion, Rule } from './rules.domain';

const CatalogueModel = defineModel('CatalogueVersion', {
  version: Number,
  effectiveFrom: String,
  publishedAt: String,
  publishedBy: String,
  note: String,
  rulesJson: String,
});

export class RulesRepository {
  constructor(private readonly tableName: string) {}

  /** Every published version, oldest first: a handful of items in one Query. */
  async listVersions(): Promise<CatalogueVersion[]> {
    const { pk, skPrefix } = keys.catalogueVersionPrefix();
    const docs = await queryPlainItems(this.tableName, pk, skPrefix);
    return docs
      .map((j) => {
        return {
          version: j.version,
          effectiveFrom: j.effectiveFrom,
          publishedAt: j.publishedAt,
          publishedBy: j.publishedBy,
          note: j.note,
          rules: JSON.parse(j.rulesJson) as Rule[],
        };
      })
      .sort((a, b) => a.version - b.version);
  }

  /** Publishes a version only if that version number is still free: two publishers cannot both win. */
  async publish(v: CatalogueVersion): Promise<boolean> {
    try {
      await CatalogueModel.create(
        {
          ...keys.catalogueVersion(v.version),
          entity: 'CatalogueVersion',
          version: v.version,
          effectiveFrom: v.effectiveFrom,
          publishedAt: v.publishedAt,
          publishedBy: v.publishedBy,
          note: v.note,
          rulesJson: JSON.stringify(v.rules),
        },
        { overwrite: false },
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
