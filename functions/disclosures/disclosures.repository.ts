import { GetItemCommand, QueryCommand, TransactionCanceledException, TransactWriteItemsCommand, UpdateItemCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { projectionItem } from '../credit/credit.repository';
import type { CreditEvent, SubjectProjection } from '../credit/credit.types';
import { keys } from '../shared/db/keys';
import { batchGetPlainItems, createOnlyPut, isTransactionConflict } from '../shared/db/models';
import type { CounterDelta, Disclosure } from './disclosures.domain';

export interface MonthCounters {
  month: string;
  onTime: number;
  late: number;
  declared: number | null;
}

/** Where a decision's credit record stands (the event its sourceId produced). */
export interface CreditLink {
  eventId: string;
  subjectKey: string;
  state: CreditEvent['state'];
  endedAt?: string;
}

function item(d: Disclosure): Record<string, unknown> {
  return {
    ...keys.disclosure(d.department, d.sourceId),
    ...keys.disclosureByPartyIndex(d.uscc, d.decidedOn, d.department, d.sourceId),
    ...keys.disclosureByDepartmentIndex(d.department, d.firstReceivedAt, d.sourceId),
    entity: 'Disclosure',
    revision: d.revision,
    dataJson: JSON.stringify(d),
  };
}

const toDisclosure = (i: Record<string, any>): Disclosure => JSON.parse(i.dataJson) as Disclosure;

/**
 * 双公示 decisions and the departments' monthly counters. A decision is one item keyed by
 * (department, sourceId): creating it only where absent is what makes concurrent identical sends
 * one decision, and every change is conditioned on the revision the writer read. The counters
 * move in the same transaction as the decision, so they are exact without ever counting items.
 */
export class DisclosuresRepository {
  constructor(private readonly tableName: string) {}

  async get(department: string, sourceId: string): Promise<Disclosure | null> {
    const out = await dynamoose.aws.ddb().send(new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.disclosure(department, sourceId)), ConsistentRead: true }));
    return out.Item ? toDisclosure(unmarshall(out.Item)) : null;
  }

  /**
   * Writes a decision over the revision read (or over nothing) and moves the month counters by
   * `deltas`, in one transaction. 'conflict': another writer got there first — read again.
   */
  async write(next: Disclosure, previous: Disclosure | null, deltas: CounterDelta[]): Promise<'ok' | 'conflict'> {
    const put = createOnlyPut(this.tableName, item(next));
    const items: TransactWriteItem[] = [
      {
        Put: previous
          ? { ...put, ConditionExpression: '#revision = :read', ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':read': { N: String(previous.revision) } } }
          : put,
      },
    ];
    for (const d of deltas) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: marshall(keys.disclosureMonth(next.department, d.month)),
          UpdateExpression: 'ADD #onTime :onTime, #late :late SET #entity = :entity',
          ExpressionAttributeNames: { '#onTime': 'onTime', '#late': 'late', '#entity': 'entity' },
          ExpressionAttributeValues: marshall({ ':onTime': d.onTime, ':late': d.late, ':entity': 'DisclosureMonth' }),
        },
      });
    }
    try {
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException && (isTransactionConflict(e) || (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'))) return 'conflict';
      throw e;
    }
  }

  /** A department's decisions, latest received first (GSI2), one page. */
  async listByDepartment(department: string, limit: number, after?: Record<string, unknown>): Promise<{ items: Disclosure[]; last?: Record<string, unknown> }> {
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': keys.disclosureByDepartmentIndex(department, '', '').gsi2pk }),
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => toDisclosure(unmarshall(i))), ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}) };
  }

  /** Every decision about one party (GSI1, by USCC), latest decision first. */
  async listByParty(uscc: string): Promise<Disclosure[]> {
    const found: Disclosure[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await dynamoose.aws.ddb().send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': keys.disclosureByPartyIndex(uscc, '', '', '').gsi1pk }),
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of page.Items ?? []) found.push(toDisclosure(unmarshall(i)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  /** A department's counters of the months `from`..`to` (`YYYY-MM`), one Query. */
  async months(department: string, from: string, to: string): Promise<MonthCounters[]> {
    const { pk } = keys.disclosureMonth(department, from);
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: marshall({ ':pk': pk, ':from': keys.disclosureMonth(department, from).sk, ':to': keys.disclosureMonth(department, to).sk }),
      }),
    );
    return (out.Items ?? []).map((raw) => {
      const i = unmarshall(raw);
      return { month: String(i.sk).slice(2), onTime: i.onTime ?? 0, late: i.late ?? 0, declared: i.declared ?? null };
    });
  }

  /** The department's own count of its decisions in a month; the counters are returned as they stand after it. */
  async declare(department: string, month: string, count: number, at: string): Promise<MonthCounters> {
    const out = await dynamoose.aws.ddb().send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: marshall(keys.disclosureMonth(department, month)),
        UpdateExpression: 'SET #declared = :count, #declaredAt = :at, #entity = :entity',
        ExpressionAttributeNames: { '#declared': 'declared', '#declaredAt': 'declaredAt', '#entity': 'entity' },
        ExpressionAttributeValues: marshall({ ':count': count, ':at': at, ':entity': 'DisclosureMonth' }),
        ReturnValues: 'ALL_NEW',
      }),
    );
    const i = unmarshall(out.Attributes ?? {});
    return { month, onTime: i.onTime ?? 0, late: i.late ?? 0, declared: i.declared ?? null };
  }

  /**
   * The credit records of these (department, sourceId) pairs, as they stand: the source markers
   * the ingestion wrote, then their events (two batched reads).
   */
  async creditLinks(pairs: Array<{ department: string; sourceId: string }>): Promise<Map<string, CreditLink>> {
    const links = new Map<string, CreditLink>();
    if (pairs.length === 0) return links;
    const sources = await batchGetPlainItems(this.tableName, pairs.map((p) => keys.recordSource(p.department, p.sourceId)));
    const events = await batchGetPlainItems(this.tableName, sources.map((s) => keys.subjectEvent(s.subjectKey, s.eventId)));
    const byId = new Map(events.map((e) => [e.eventId as string, e]));
    for (const s of sources) {
      const e = byId.get(s.eventId);
      if (!e) continue;
      links.set(String(s.pk).slice('SRC#'.length), { eventId: e.eventId, subjectKey: e.subjectKey, state: e.state, ...(e.endedAt ? { endedAt: e.endedAt } : {}) });
    }
    return links;
  }

  /** Which event a credit record's (department, sourceId) became, from the ingestion's marker. */
  async sourceMarker(department: string, sourceId: string): Promise<{ eventId: string; subjectKey: string } | null> {
    const [found] = await batchGetPlainItems(this.tableName, [keys.recordSource(department, sourceId)]);
    return found ? { eventId: found.eventId, subjectKey: found.subjectKey } : null;
  }

  /**
   * Withdraws a credit record a decision produced (the decision was revoked or corrected): the
   * event becomes `retracted` only while it is in the state read, and the subject's projection is
   * written over the version read — so a concurrent repair or ingestion makes this read again.
   */
  async retractEvent(event: CreditEvent, at: string, projection: SubjectProjection, expectedVersion: number | null): Promise<'ok' | 'conflict'> {
    const put = createOnlyPut(this.tableName, projectionItem(projection));
    try {
      await dynamoose.aws.ddb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: marshall(keys.subjectEvent(event.subjectKey, event.id)),
                UpdateExpression: 'SET #state = :retracted, #endedAt = :at',
                ConditionExpression: '#state = :read',
                ExpressionAttributeNames: { '#state': 'state', '#endedAt': 'endedAt' },
                ExpressionAttributeValues: marshall({ ':retracted': 'retracted', ':at': at, ':read': event.state }),
              },
            },
            {
              Put: expectedVersion === null
                ? put
                : { ...put, ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } } },
            },
          ],
        }),
      );
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException) return 'conflict';
      throw e;
    }
  }
}
