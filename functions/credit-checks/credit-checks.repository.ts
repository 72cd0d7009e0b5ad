import { BatchWriteItemCommand, QueryCommand, TransactWriteItemsCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { accessLogItem, type AccessEntry } from '../access-log/access-log';
import type { RegistryStatus } from '../registry/registry.domain';
import { keys } from '../shared/db/keys';
import { backoff, batchGetPlainItems, createOnlyPut, getPlainItem } from '../shared/db/models';
import type { CheckPurpose, CheckSummary } from './credit-checks.domain';

export interface StoredCheck {
  id: string;
  department: string;
  purpose: CheckPurpose;
  createdAt: string;
  createdBy: string;
  summary: CheckSummary;
  report: Record<string, unknown>;
  signature: string;
}

export interface CheckListItem {
  id: string;
  purpose: CheckPurpose;
  createdAt: string;
  summary: CheckSummary;
}

const BATCH_WRITE_MAX = 25;

/**
 * Credit checks (信用核查). Reading the businesses of a check is batched: one BatchGetItem per 100
 * codes for the registry entries and one for the app's USCC owners (whose access log an entry
 * goes to). A check is stored as one item holding its signed report, plus a small item in the
 * department's list partition, written together.
 */
export class CreditChecksRepository {
  constructor(private readonly tableName: string) {}

  /** The enterprise registry's name and status of each code it holds (the registry's own items). */
  async registryEntries(usccs: readonly string[]): Promise<Map<string, { name: string; status: RegistryStatus }>> {
    const items = await batchGetPlainItems(this.tableName, usccs.map((u) => keys.registryEntry(u)));
    return new Map(items.map((i) => [String(i.uscc), { name: String(i.name), status: i.status as RegistryStatus }]));
  }

  /** The organisation in the app that holds each registered code. */
  async enterpriseOrgs(usccs: readonly string[]): Promise<Map<string, string>> {
    const items = await batchGetPlainItems(this.tableName, usccs.map((u) => keys.usccOwner(u)));
    return new Map(items.map((i) => [String(i.pk).slice('USCC#'.length), String(i.orgId)]));
  }

  /**
   * The access-log entries of a check, 25 per BatchWriteItem (unprocessed ones retried). Every
   * entry has a fresh id, so a retry never overwrites another entry.
   */
  async logAccess(entries: readonly AccessEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH_WRITE_MAX) {
      let pending: WriteRequest[] = entries.slice(i, i + BATCH_WRITE_MAX).map((e) => ({ PutRequest: { Item: marshall(accessLogItem(e), { removeUndefinedValues: true }) } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await dynamoose.aws.ddb().send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = out.UnprocessedItems?.[this.tableName] ?? [];
        if (pending.length > 0) await backoff(attempt);
      }
    }
  }

  /** The check and its line in the department's list, in one transaction (never one without the other). */
  async save(c: StoredCheck): Promise<void> {
    const head = { id: c.id, purpose: c.purpose, createdAt: c.createdAt, summaryJson: JSON.stringify(c.summary) };
    await dynamoose.aws.ddb().send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: createOnlyPut(this.tableName, {
              ...keys.creditCheck(c.id),
              entity: 'CreditCheck',
              ...head,
              department: c.department,
              createdBy: c.createdBy,
              reportJson: JSON.stringify(c.report),
              signature: c.signature,
            }),
          },
          { Put: createOnlyPut(this.tableName, { ...keys.departmentCreditCheck(c.department, c.createdAt, c.id), entity: 'CreditCheckRef', ...head }) },
        ],
      }),
    );
  }

  async get(id: string): Promise<StoredCheck | null> {
    const item = await getPlainItem(this.tableName, keys.creditCheck(id));
    if (!item) return null;
    return {
      id: item.id,
      department: item.department,
      purpose: item.purpose,
      createdAt: item.createdAt,
      createdBy: item.createdBy,
      summary: JSON.parse(item.summaryJson),
      report: JSON.parse(item.reportJson),
      signature: item.signature,
    };
  }

  /** One page of a department's checks, newest first. */
  async listByDepartment(department: string, limit: number, afterSk?: string): Promise<{ items: CheckListItem[]; last?: string }> {
    const { pk } = keys.departmentCreditCheck(department, '', '');
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': pk }),
        ScanIndexForward: false,
        Limit: limit,
        ...(afterSk ? { ExclusiveStartKey: marshall({ pk, sk: afterSk }) } : {}),
      }),
    );
    const items = (out.Items ?? []).map((raw) => {
      const i = unmarshall(raw);
      return { id: i.id, purpose: i.purpose, createdAt: i.createdAt, summary: JSON.parse(i.summaryJson) } as CheckListItem;
    });
    const last = out.LastEvaluatedKey ? String(unmarshall(out.LastEvaluatedKey).sk) : undefined;
    return { items, ...(last ? { last } : {}) };
  }
}
