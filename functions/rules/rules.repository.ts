import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { backoff, defineModel, getPlainItem, isConditionalFailure, queryPlainItems } from '../shared/db/models';
import type { CatalogueVersion, Rule } from './rules.domain';

const CatalogueModel = defineModel('CatalogueVersion', {
  version: Number,
  effectiveFrom: String,
  publishedAt: String,
  publishedBy: String,
  note: String,
  publication: String,
  ruleCount: Number,
});

/**
 * The rule catalogue, one partition (`CATALOGUE`): per version a header item (`V#000002`) and one
 * item per rule (`V#000002#R#<publication>#<ruleId>`), so a catalogue of any size fits (one item
 * holds at most 400 KB; 500 rules with long legal bases would not). Versions written before held
 * their rules in the header (`rulesJson`); they are read as they are.
 */
export class RulesRepository {
  constructor(private readonly tableName: string) {}

  /** Every published version, oldest first: one Query over headers and rules. */
  async listVersions(): Promise<CatalogueVersion[]> {
    const { pk, skPrefix } = keys.catalogueVersionPrefix();
    const items = await queryPlainItems(this.tableName, pk, skPrefix);
    const rules = new Map<string, Array<{ index: number; rule: Rule }>>();
    for (const i of items) {
      if (i.entity !== 'CatalogueRule') continue;
      const key = `${i.version}|${i.publication}`;
      rules.set(key, [...(rules.get(key) ?? []), { index: i.index, rule: JSON.parse(i.ruleJson) as Rule }]);
    }
    return items
      .filter((j) => j.entity === 'CatalogueVersion')
      .map((j) => ({
        version: j.version,
        effectiveFrom: j.effectiveFrom,
        publishedAt: j.publishedAt,
        publishedBy: j.publishedBy,
        note: j.note,
        rules: j.rulesJson
          ? (JSON.parse(j.rulesJson) as Rule[])
          : (rules.get(`${j.version}|${j.publication}`) ?? []).sort((a, b) => a.index - b.index).map((r) => r.rule),
      }))
      .sort((a, b) => a.version - b.version);
  }

  /**
   * Publishes a version only if that version number is still free: two publishers cannot both win.
   * 1. A number already taken: nothing is written.
   * 2. The rules go first, under this publication's id (a reader ignores rules whose header does
   *    not name their publication, so nothing shows before the header does).
   * 3. The header is created only if the version number is free; a loser's rules stay unnamed.
   */
  async publish(v: CatalogueVersion): Promise<boolean> {
    // A number already taken (the bootstrap publishing version 1 on every start) writes nothing.
    if (await getPlainItem(this.tableName, keys.catalogueVersion(v.version), true)) return false;
    const publication = randomUUID().slice(0, 8);
    const writes: WriteRequest[] = v.rules.map((rule, index) => ({
      PutRequest: {
        Item: marshall({ ...keys.catalogueRule(v.version, publication, rule.id), entity: 'CatalogueRule', version: v.version, publication, index, ruleJson: JSON.stringify(rule) }),
      },
    }));
    await Promise.all(Array.from({ length: Math.ceil(writes.length / 25) }, (_, i) => this.batchWrite(writes.slice(i * 25, i * 25 + 25))));
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
          publication,
          ruleCount: v.rules.length,
        },
        { overwrite: false },
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  private async batchWrite(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const out = await dynamoose.aws.ddb().send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }));
      pending = out.UnprocessedItems?.[this.tableName] ?? [];
      if (pending.length > 0) await backoff(attempt);
    }
  }
}
