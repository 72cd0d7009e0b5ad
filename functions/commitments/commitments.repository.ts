import { PutItemCommand, QueryCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { createOnlyPut, getPlainItem, isConditionalFailure, isTransactionConflict, queryPlainItems } from '../shared/db/models';
import type { Breach, Commitment, CommitmentTemplate } from './commitments.domain';

type Doc = Record<string, any>;

const toTemplate = (d: Doc): CommitmentTemplate => ({
  id: d.id,
  type: d.type,
  title: d.title,
  clauses: d.clauses ?? [],
  status: d.status,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

const toCommitment = (d: Doc): Commitment => ({
  id: d.id,
  uscc: d.uscc,
  orgId: d.orgId,
  enterpriseName: d.enterpriseName,
  templateId: d.templateId,
  type: d.type,
  title: d.title,
  clauses: d.clauses ?? [],
  ...(d.subjectMatter ? { subjectMatter: d.subjectMatter } : {}),
  signedAt: d.signedAt,
  signedBy: d.signedBy,
  ...(d.breach ? { breach: d.breach as Breach } : {}),
});

const templateItem = (t: CommitmentTemplate) => ({ ...keys.commitmentTemplate(t.id), entity: 'CommitmentTemplate', ...t });
const commitmentItem = (c: Commitment) => ({ ...keys.commitment(c.uscc, c.signedAt, c.id), ...keys.commitmentByIdIndex(c.id), entity: 'Commitment', ...c });

export type SignOutcome = { ok: true } | { ok: false; reason: 'key-used' | 'conflict' };

/**
 * Templates (one partition: the list is one Query) and signed commitments (one partition per
 * business, so its public page reads them with one Query; found by id on GSI1), written straight
 * through the SDK.
 */
export class CommitmentsRepository {
  constructor(private readonly tableName: string) {}

  async listTemplates(): Promise<CommitmentTemplate[]> {
    const { pk, skPrefix } = keys.commitmentTemplatesPrefix();
    return (await queryPlainItems(this.tableName, pk, skPrefix)).map(toTemplate);
  }

  async getTemplate(id: string): Promise<CommitmentTemplate | null> {
    const item = await getPlainItem(this.tableName, keys.commitmentTemplate(id), true);
    return item ? toTemplate(item) : null;
  }

  /** Creates (`expectedUpdatedAt` null: only where absent) or replaces the version the editor read; false when that lost. */
  async saveTemplate(t: CommitmentTemplate, expectedUpdatedAt: string | null): Promise<boolean> {
    const put = createOnlyPut(this.tableName, templateItem(t));
    const input = expectedUpdatedAt === null
      ? put
      : { ...put, ConditionExpression: '#u = :expected', ExpressionAttributeNames: { '#u': 'updatedAt' }, ExpressionAttributeValues: marshall({ ':expected': expectedUpdatedAt }) };
    try {
      await dynamoose.aws.ddb().send(new PutItemCommand(input));
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * Stores a commitment together with its idempotency marker in one transaction: of two requests
   * with one key (a double tap, a retry after a lost answer) exactly one creates a commitment.
   */
  async sign(c: Commitment, idempotency: { key: string; bodyHash: string; ttl: number }): Promise<SignOutcome> {
    try {
      await dynamoose.aws.ddb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: createOnlyPut(this.tableName, { ...keys.commitmentIdempotency(c.uscc, idempotency.key), entity: 'CommitmentIdempotency', commitmentId: c.id, signedAt: c.signedAt, bodyHash: idempotency.bodyHash, ttl: idempotency.ttl }) },
            { Put: createOnlyPut(this.tableName, commitmentItem(c)) },
          ],
        }),
      );
      return { ok: true };
    } catch (e) {
      if (isTransactionConflict(e)) return { ok: false, reason: 'conflict' };
      if (isConditionalFailure(e)) return { ok: false, reason: 'key-used' };
      throw e;
    }
  }

  async getIdempotency(uscc: string, key: string): Promise<{ commitmentId: string; signedAt: string; bodyHash: string } | null> {
    const item = await getPlainItem(this.tableName, keys.commitmentIdempotency(uscc, key), true);
    return item ? { commitmentId: item.commitmentId, signedAt: item.signedAt, bodyHash: item.bodyHash } : null;
  }

  /** A business's commitments, oldest first (`consistent` where a decision rests on them). */
  async listByBusiness(uscc: string, consistent = false): Promise<Commitment[]> {
    const { pk, skPrefix } = keys.commitmentsPrefix(uscc);
    return (await queryPlainItems(this.tableName, pk, skPrefix, consistent)).map(toCommitment);
  }

  async get(uscc: string, signedAt: string, id: string): Promise<Commitment | null> {
    const item = await getPlainItem(this.tableName, keys.commitment(uscc, signedAt, id), true);
    return item ? toCommitment(item) : null;
  }

  /** A commitment by its id: found on GSI1, then read consistently from the table. */
  async findById(id: string): Promise<Commitment | null> {
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': keys.commitmentByIdIndex(id).gsi1pk }),
        ProjectionExpression: '#u, #s, #i',
        ExpressionAttributeNames: { '#u': 'uscc', '#s': 'signedAt', '#i': 'id' },
        Limit: 1,
      }),
    );
    const found = out.Items?.[0] ? unmarshall(out.Items[0]) : null;
    return found ? this.get(found.uscc, found.signedAt, found.id) : null;
  }

  /** Records the breach unless one is recorded already (one breach per commitment, whoever races). */
  async recordBreach(c: Commitment, breach: Breach): Promise<boolean> {
    try {
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.commitment(c.uscc, c.signedAt, c.id)),
          UpdateExpression: 'SET #breach = :breach',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#breach)',
          ExpressionAttributeNames: { '#breach': 'breach' },
          ExpressionAttributeValues: marshall({ ':breach': breach }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
