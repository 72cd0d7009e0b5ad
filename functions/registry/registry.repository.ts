import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { createOnlyPut, queryPlainItems } from '../shared/db/models';
import type { RegistryEntry, RegistryRecord, TaxGradeEntry } from './registry.domain';

type Doc = Record<string, any>;

const stamp = (d: Doc) => ({ department: d.department, receivedAt: d.receivedAt, revision: d.revision });

const toEntry = (d: Doc): RegistryEntry => ({
  uscc: d.uscc,
  name: d.name,
  legalRepresentative: d.legalRepresentative,
  establishedOn: d.establishedOn,
  status: d.status,
  ...stamp(d),
});

const toTaxGrade = (d: Doc): TaxGradeEntry => ({ uscc: d.uscc, year: d.year, grade: d.grade, ...stamp(d) });

const entryItem = (e: RegistryEntry) => ({ ...keys.registryEntry(e.uscc), entity: 'RegistryEntry', ...e });
const taxGradeItem = (g: TaxGradeEntry) => ({ ...keys.registryTaxGrade(g.uscc, g.year), entity: 'TaxGrade', ...g });

export type FeedOutcome = 'applied' | 'superseded';

/**
 * The enterprise registry and the tax credit grades: one partition per business (`REG#<USCC>`)
 * holding its entry and a grade per year, so what the app needs about a business is one Query.
 * Written straight through the SDK: a put replaces the whole item, and only when its revision is
 * later than the stored one.
 */
export class RegistryRepository {
  constructor(private readonly tableName: string) {}

  /** Everything the registries hold about one business (`consistent` right after a feed, e.g. at registration). */
  async get(uscc: string, consistent = false): Promise<RegistryRecord> {
    const items = await queryPlainItems(this.tableName, keys.registryPartition(uscc).pk, undefined, consistent);
    const entry = items.find((i) => i.sk === keys.registryEntry(uscc).sk);
    const taxGrades = items.filter((i) => String(i.sk).startsWith('TAX#')).map(toTaxGrade);
    return { entry: entry ? toEntry(entry) : null, taxGrades };
  }

  /**
   * Puts a business's entry unless a later revision of it is stored. Without the condition two
   * re-sends racing each other could leave the earlier one stored (the later one written first);
   * the revision comparison makes the order of arrival at the table irrelevant.
   */
  putEntry(e: RegistryEntry): Promise<FeedOutcome> {
    return this.putIfLater(entryItem(e));
  }

  putTaxGrade(g: TaxGradeEntry): Promise<FeedOutcome> {
    return this.putIfLater(taxGradeItem(g));
  }

  /** Seeding: an entry only where none is stored. */
  putEntryIfAbsent(e: RegistryEntry): Promise<boolean> {
    return this.createOnly(entryItem(e));
  }

  putTaxGradeIfAbsent(g: TaxGradeEntry): Promise<boolean> {
    return this.createOnly(taxGradeItem(g));
  }

  private async putIfLater(item: Doc): Promise<FeedOutcome> {
    try {
      await dynamoose.aws.ddb().send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(item, { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk) OR #revision < :revision',
          ExpressionAttributeNames: { '#revision': 'revision' },
          ExpressionAttributeValues: marshall({ ':revision': item.revision }),
        }),
      );
      return 'applied';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return 'superseded';
      throw err;
    }
  }

  private async createOnly(item: Doc): Promise<boolean> {
    try {
      await dynamoose.aws.ddb().send(new PutItemCommand(createOnlyPut(this.tableName, item)));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
