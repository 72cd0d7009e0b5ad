import { ConditionalCheckFailedException, PutItemCommand, QueryCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { backoff, batchGetPlainItems, createOnlyPut, getPlainItem, isConditionalFailure, isTransactionConflict, queryPlainItems } from '../shared/db/models';
import { nameKeyChanges, nameKeys, nameQuery, usccOfNameKey, type NameKey } from './name-keys';
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

const MAX_ENTRY_ATTEMPTS = 8;
const nameKeyItem = (k: NameKey) => ({ ...k, entity: 'RegistryNameKey' });

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
  async putEntry(e: RegistryEntry): Promise<FeedOutcome | 'busy'> {
    for (let attempt = 0; ; attempt++) {
      const stored = await getPlainItem(this.tableName, keys.registryEntry(e.uscc), true);
      if (stored && String(stored.revision) >= e.revision) return 'superseded';
      // The entry and its name index change together: the entry's put is conditional on the
      // revision read here, so a concurrent re-send makes this one read again and redo the index
      // change from the entry it finds (a rename never leaves keys of the old name behind).
      const { remove, add } = nameKeyChanges(stored ? String(stored.name) : null, e.name, e.uscc);
      const entryPut = {
        ...createOnlyPut(this.tableName, entryItem(e)),
        ...(stored ? { ConditionExpression: '#revision = :seen', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: marshall({ ':seen': stored.revision }) } : {}),
      };
      const items: TransactWriteItem[] = [
        { Put: entryPut },
        ...remove.map((k) => ({ Delete: { TableName: this.tableName, Key: marshall(k) } })),
        ...add.map((k) => ({ Put: { TableName: this.tableName, Item: marshall(nameKeyItem(k)) } })),
      ];
      try {
        await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
        return 'applied';
      } catch (err) {
        if (!(isConditionalFailure(err) || isTransactionConflict(err))) throw err;
        // Re-sends of one business racing without end: the caller answers 503 and the feed retries.
        if (attempt + 1 >= MAX_ENTRY_ATTEMPTS) return 'busy';
        await backoff(attempt);
      }
    }
  }

  /**
   * Businesses whose name contains `q` (at least two characters after normalisation), names that
   * start with it first: Queries on the name index (registry/name-keys.ts) — the prefix
   * partition, then the bigram partition — and one BatchGetItem of the entries found, for their
   * current name and status. Never a scan.
   */
  async searchByName(q: string, limit: number): Promise<RegistryEntry[]> {
    const query = nameQuery(q);
    if (!query) return [];
    const found: string[] = [];
    for (const partition of query.partitions) {
      let startKey: Record<string, any> | undefined;
      do {
        const page = await dynamoose.aws.ddb().send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: marshall({ ':pk': partition, ':prefix': query.prefix }),
            ProjectionExpression: 'sk',
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const uscc = usccOfNameKey(String(unmarshall(item).sk));
          if (!found.includes(uscc)) found.push(uscc);
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey && found.length < limit);
      if (found.length >= limit) break;
    }
    const chosen = found.slice(0, limit);
    const entries = (await batchGetPlainItems(this.tableName, chosen.map((u) => keys.registryEntry(u)))).map(toEntry);
    return chosen.map((u) => entries.find((e) => e.uscc === u)).filter((e): e is RegistryEntry => e !== undefined);
  }

  putTaxGrade(g: TaxGradeEntry): Promise<FeedOutcome> {
    return this.putIfLater(taxGradeItem(g));
  }

  /**
   * Seeding: an entry only where none is stored, with its name index. Where one is stored, its
   * name keys are put again (the same items): a table seeded before the index existed gains it.
   */
  async putEntryIfAbsent(e: RegistryEntry): Promise<boolean> {
    try {
      await dynamoose.aws.ddb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: createOnlyPut(this.tableName, entryItem(e)) },
            ...nameKeys(e.name, e.uscc).map((k) => ({ Put: { TableName: this.tableName, Item: marshall(nameKeyItem(k)) } })),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      const stored = await getPlainItem(this.tableName, keys.registryEntry(e.uscc), true);
      if (stored) await this.putNameKeys(String(stored.name), e.uscc);
      return false;
    }
  }

  private async putNameKeys(name: string, uscc: string): Promise<void> {
    const items = nameKeys(name, uscc).map((k) => ({ Put: { TableName: this.tableName, Item: marshall(nameKeyItem(k)) } }));
    if (items.length > 0) await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
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
