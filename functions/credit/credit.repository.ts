import { BatchGetItemCommand, BatchWriteItemCommand, PutItemCommand, QueryCommand, type WriteRequest, TransactionCanceledException, TransactWriteItemsCommand, type AttributeValue, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { backoff, batchGetPlainItems, createOnlyPut, defineModel, getPlainItem, isConditionalFailure, isTransactionConflict } from '../shared/db/models';
import { readProjectionAndStat, residentStatWrites, statOf, toStat, type ResidentStat } from '../stats/resident-counters';
import { mapLimit } from '../shared/domain/concurrency';
import type { CreditEvent, SubjectProjection } from './credit.types';

const isPerson = (subjectKey: string) => subjectKey.startsWith('P#');

export const EventModel = defineModel('CreditEvent', {
  eventId: String,
  subjectKey: String,
  subjectType: String,
  ruleId: String,
  ruleVersion: Number,
  occurredAt: String,
  countsUntil: String,
  state: String,
  endedAt: String,
  severity: String,
  department: String,
  sourceId: String,
  receivedAt: String,
  subjectMasked: String,
  note: String,
  openObjectionId: String,
  openRepairId: String,
});

// Record sources (SRC#<department>#<sourceId>: eventId, subjectKey, createdAt) are only ever
// created, through the SDK, as the guard of their event (appendEvents).

const dims = { honour: Number, virtue: Number, ethics: Number, family: Number, law: Number };

export const ProjectionModel = defineModel('SubjectProjection', {
  subjectKey: String,
  version: Number,
  dimensions: { type: Object, schema: dims },
  delta: Number,
  activeNegatives: { type: Object, schema: { light: Number, general: Number, serious: Number } },
  activeRecordsJson: String,
  eventCount: Number,
  computedAt: String,
  nextChangeAt: String,
  historyJson: String,
});

type Doc = Record<string, any>;

function toEvent(d: Doc): CreditEvent {
  return {
    id: d.eventId,
    subjectKey: d.subjectKey,
    subjectType: d.subjectType,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    occurredAt: d.occurredAt,
    countsUntil: d.countsUntil,
    state: d.state,
    ...(d.endedAt ? { endedAt: d.endedAt } : {}),
    ...(d.severity ? { severity: d.severity } : {}),
    department: d.department,
    sourceId: d.sourceId,
    receivedAt: d.receivedAt,
    ...(d.subjectMasked ? { subjectMasked: d.subjectMasked } : {}),
    ...(d.note ? { note: d.note } : {}),
    ...(d.openObjectionId ? { openObjectionId: d.openObjectionId } : {}),
    ...(d.openRepairId ? { openRepairId: d.openRepairId } : {}),
  };
}

export function eventItem(e: CreditEvent): Doc {
  return {
    ...keys.subjectEvent(e.subjectKey, e.id),
    ...keys.eventByIdIndex(e.id),
    ...keys.departmentRecordIndex(e.department, e.receivedAt, e.id),
    entity: 'CreditEvent',
    eventId: e.id,
    subjectKey: e.subjectKey,
    subjectType: e.subjectType,
    ruleId: e.ruleId,
    ruleVersion: e.ruleVersion,
    occurredAt: e.occurredAt,
    countsUntil: e.countsUntil,
    state: e.state,
    ...(e.endedAt ? { endedAt: e.endedAt } : {}),
    ...(e.severity ? { severity: e.severity } : {}),
    department: e.department,
    sourceId: e.sourceId,
    receivedAt: e.receivedAt,
    ...(e.subjectMasked ? { subjectMasked: e.subjectMasked } : {}),
    ...(e.note ? { note: e.note } : {}),
    ...(e.openObjectionId ? { openObjectionId: e.openObjectionId } : {}),
    ...(e.openRepairId ? { openRepairId: e.openRepairId } : {}),
  };
}

function toProjection(d: Doc): SubjectProjection {
  return {
    subjectKey: d.subjectKey,
    version: d.version,
    dimensions: d.dimensions,
    delta: d.delta,
    activeNegatives: d.activeNegatives,
    activeRecords: d.activeRecordsJson ? JSON.parse(d.activeRecordsJson) : [],
    eventCount: d.eventCount,
    computedAt: d.computedAt,
    nextChangeAt: d.nextChangeAt ?? null,
    ...(d.historyJson ? { history: JSON.parse(d.historyJson) } : {}),
  };
}

export function projectionItem(p: SubjectProjection): Doc {
  return {
    ...keys.subjectProjection(p.subjectKey),
    entity: 'SubjectProjection',
    subjectKey: p.subjectKey,
    version: p.version,
    dimensions: p.dimensions,
    delta: p.delta,
    activeNegatives: p.activeNegatives,
    activeRecordsJson: JSON.stringify(p.activeRecords),
    eventCount: p.eventCount,
    computedAt: p.computedAt,
    ...(p.nextChangeAt ? { nextChangeAt: p.nextChangeAt } : {}),
    ...(p.history ? { historyJson: JSON.stringify(p.history) } : {}),
  };
}

/** The projection write succeeds only over the version the writer read (or over nothing). */
export function projectionCondition(expectedVersion: number | null) {
  return expectedVersion === null
    ? new dynamoose.Condition('pk').not().exists()
    : new dynamoose.Condition('version').eq(expectedVersion);
}

export type AppendOutcome =
  | { ok: true }
  | { ok: false; duplicates: number[]; projectionConflict: boolean };

/** Items per transaction: two per event (source marker + event) and the projection. */
export const MAX_EVENTS_PER_APPEND = 40;

export class CreditRepository {
  constructor(private readonly tableName: string) {}

  /** The projection's Put, over the version the writer read (or over nothing): `projectionCondition` in SDK terms. */
  private projectionPut(projection: SubjectProjection, expectedVersion: number | null) {
    const create = createOnlyPut(this.tableName, projectionItem(projection));
    if (expectedVersion === null) return create;
    return { ...create, ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } } };
  }

  /** On the points read path: one consistent GetItem, without dynamoose's schema conversion. */
  /**
   * A subject's projection. Strongly consistent by default (what a write builds on); the read-only
   * views — points, 信易+ list, pass, redemption check — read it eventually consistently, at half the
   * read units: a record ingested a moment earlier shows there a moment later (DynamoDB replicates
   * within about a second), while every write still conditions on the projection's version.
   */
  async getProjection(subjectKey: string, consistent = true): Promise<SubjectProjection | null> {
    const item = await getPlainItem(this.tableName, keys.subjectProjection(subjectKey), consistent);
    return item ? toProjection(item) : null;
  }

  /**
   * All events of a subject. This query reads the whole history, so it bypasses dynamoose's
   * per-attribute schema conversion, which profiling showed to dominate ingestion CPU time
   * (bench/RESULTS.md); the items are the plain attributes written by `eventItem`.
   */
  async listEvents(subjectKey: string): Promise<CreditEvent[]> {
    const { pk, skPrefix } = keys.subjectEventsPrefix(subjectKey);
    const events: CreditEvent[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await dynamoose.aws.ddb().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': { S: pk }, ':prefix': { S: skPrefix } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) events.push(toEvent(unmarshall(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return events;
  }

  /** A department's submitted records, newest first (GSI2), one page. */
  async listByDepartment(department: string, limit: number, after?: Record<string, unknown>): Promise<{ items: CreditEvent[]; last?: Record<string, unknown> }> {
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': keys.departmentRecordIndex(department, '', '').gsi2pk }),
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => toEvent(unmarshall(i))), ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}) };
  }

  /** Which of these subjects have someone in the app (a verified resident, a registered business). */
  async subjectsWithAccounts(subjectKeys: string[]): Promise<Set<string>> {
    const unique = [...new Set(subjectKeys)];
    const markerOf = (k: string) => (k.startsWith('P#') ? keys.idOwner(k.slice(2)) : keys.usccOwner(k.slice(2)));
    const found = await batchGetPlainItems(this.tableName, unique.map(markerOf));
    const present = new Set(found.map((i) => `${i.pk}|${i.sk}`));
    return new Set(unique.filter((k) => { const m = markerOf(k); return present.has(`${m.pk}|${m.sk}`); }));
  }

  /** Many events by their subject and id, in one BatchGet (a page of cases naming them), by id. */
  async eventsByKey(refs: Array<{ subjectKey: string; eventId: string }>): Promise<Map<string, CreditEvent>> {
    const unique = [...new Map(refs.map((r) => [r.eventId, r])).values()];
    const items = await batchGetPlainItems(this.tableName, unique.map((r) => keys.subjectEvent(r.subjectKey, r.eventId)));
    return new Map(items.map((i) => [i.eventId as string, toEvent(i)]));
  }

  async findEvent(eventId: string): Promise<CreditEvent | null> {
    const { gsi1pk } = keys.eventByIdIndex(eventId);
    const docs = await EventModel.query('gsi1pk').eq(gsi1pk).using('GSI1').exec();
    return docs.length > 0 ? toEvent(docs[0].toJSON()) : null;
  }

  /**
   * Appends events of one subject together with the subject's new projection, in one
   * transaction. Each event is guarded by its (department, sourceId) marker, so a record posted
   * twice — one after the other or at the same moment — becomes one event; the projection is
   * guarded by its version, so two writers never lose each other's events.
   */
  async appendEvents(events: CreditEvent[], projection: SubjectProjection, expectedVersion: number | null, statFrom: ResidentStat | null): Promise<AppendOutcome> {
    if (events.length === 0 || events.length > MAX_EVENTS_PER_APPEND) throw new Error(`appendEvents takes 1–${MAX_EVENTS_PER_APPEND} events`);
    // Written straight through the SDK: every ingested record passes here (the bulk importer's
    // hottest write), and dynamoose's conversion of up to 81 items was its largest CPU cost.
    const items: TransactWriteItem[] = [];
    for (const e of events) {
      items.push({ Put: createOnlyPut(this.tableName, { ...keys.recordSource(e.department, e.sourceId), entity: 'RecordSource', eventId: e.id, subjectKey: e.subjectKey, createdAt: e.receivedAt }) });
      items.push({ Put: createOnlyPut(this.tableName, eventItem(e)) });
    }
    items.push({ Put: this.projectionPut(projection, expectedVersion) });
    items.push(...this.statWrites(projection, statFrom));
    try {
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const reasons = e.CancellationReasons ?? [];
      // Another transaction on the same subject in flight: read again and retry, like a lost version race.
      if (isTransactionConflict(e)) return { ok: false, duplicates: [], projectionConflict: true };
      if (!reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw e;
      const duplicates: number[] = [];
      events.forEach((_, i) => {
        if (reasons[2 * i]?.Code === 'ConditionalCheckFailed') duplicates.push(i);
      });
      // The STAT item (after the projection) moved with a concurrent enrolment: read again, like a lost version race.
      const statMoved = reasons.slice(2 * events.length + 1).some((r) => r.Code === 'ConditionalCheckFailed');
      return { ok: false, duplicates, projectionConflict: statMoved || reasons[2 * events.length]?.Code === 'ConditionalCheckFailed' };
    }
  }

  /**
   * Read-time refresh of a stale projection; losing to a concurrent writer is fine (it wrote a
   * fresher one). A counted resident's STAT item and the dashboard's counters move with it.
   */
  async refreshProjection(projection: SubjectProjection, expectedVersion: number | null): Promise<boolean> {
    try {
      if (!isPerson(projection.subjectKey)) {
        await dynamoose.aws.ddb().send(new PutItemCommand(this.projectionPut(projection, expectedVersion)));
        return true;
      }
      const stat = toStat(await getPlainItem(this.tableName, keys.residentStat(projection.subjectKey), true));
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: [{ Put: this.projectionPut(projection, expectedVersion) }, ...this.statWrites(projection, stat)] }));
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /**
   * For writers: the projection and, for a person, the STAT item the dashboard counts them under,
   * in one strongly consistent Query (a writer must move the STAT item with the projection).
   */
  async getForWrite(subjectKey: string): Promise<{ projection: SubjectProjection | null; stat: ResidentStat | null }> {
    if (!isPerson(subjectKey)) return { projection: await this.getProjection(subjectKey), stat: null };
    const { projection, stat } = await readProjectionAndStat(this.tableName, subjectKey);
    return { projection: projection ? toProjection(projection) : null, stat };
  }

  /**
   * getForWrite for many subjects: their projections and STAT items in consistent BatchGets (100
   * keys a call, 16 in flight), for the bulk importer.
   */
  async getManyForWrite(subjectKeys: string[]): Promise<Map<string, { projection: SubjectProjection | null; stat: ResidentStat | null }>> {
    const keyList = subjectKeys.flatMap((k) => [keys.subjectProjection(k), ...(isPerson(k) ? [keys.residentStat(k)] : [])]);
    const found = new Map((await this.consistentBatchGet(keyList)).map((i) => [`${i.pk}|${i.sk}`, i]));
    const at = (k: { pk: string; sk: string }) => found.get(`${k.pk}|${k.sk}`);
    return new Map(
      subjectKeys.map((k) => {
        const p = at(keys.subjectProjection(k));
        return [k, { projection: p ? toProjection(p) : null, stat: isPerson(k) ? toStat(at(keys.residentStat(k))) : null }];
      }),
    );
  }

  /** The bulk importer: which of these (department, sourceId) records are known, and as which event (consistent reads). */
  async sourceMarkers(sources: Array<{ department: string; sourceId: string }>): Promise<Map<string, { eventId: string; subjectKey: string }>> {
    const found = await this.consistentBatchGet(sources.map((x) => keys.recordSource(x.department, x.sourceId)));
    return new Map(found.map((i) => [String(i.pk).slice('SRC#'.length), { eventId: i.eventId as string, subjectKey: i.subjectKey as string }]));
  }

  /** The bulk importer: stored events by subject and id (consistent reads), by id. */
  async storedEvents(refs: Array<{ subjectKey: string; eventId: string }>): Promise<Map<string, CreditEvent>> {
    const found = await this.consistentBatchGet(refs.map((r) => keys.subjectEvent(r.subjectKey, r.eventId)));
    return new Map(found.map((i) => [i.eventId as string, toEvent(i)]));
  }

  /**
   * The bulk importer's event writes: each event with its source marker, in BatchWriteItem calls
   * (25 items, 16 in flight), without conditions. The importer writes only records whose marker
   * it found absent, under ids derived from (department, sourceId), so writing one again after
   * an interruption rewrites the same items; the projections follow in their own writes.
   */
  async putEventsUnguarded(events: CreditEvent[]): Promise<void> {
    const writes: WriteRequest[] = events.flatMap((e) => [
      { PutRequest: { Item: marshall({ ...keys.recordSource(e.department, e.sourceId), entity: 'RecordSource', eventId: e.id, subjectKey: e.subjectKey, createdAt: e.receivedAt }) } },
      { PutRequest: { Item: marshall(eventItem(e), { removeUndefinedValues: true }) } },
    ]);
    const batches = Array.from({ length: Math.ceil(writes.length / 25) }, (_, i) => writes.slice(i * 25, i * 25 + 25));
    await mapLimit(batches, 16, async (batch) => {
      let pending = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await dynamoose.aws.ddb().send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = out.UnprocessedItems?.[this.tableName] ?? [];
        if (pending.length > 0) await backoff(attempt);
      }
    });
  }

  /**
   * A subject's new projection over the version read (or over none), with a counted resident's
   * STAT item in the same transaction; a business's alone, in one conditional PutItem. False
   * when another writer moved the projection (or the STAT item) first. `unguarded`: a person read
   * without a STAT item is written alone too, and the caller checks afterwards (statsAfterUnguarded).
   */
  async putProjection(projection: SubjectProjection, expectedVersion: number | null, statFrom: ResidentStat | null, unguarded = false): Promise<boolean> {
    try {
      if (!isPerson(projection.subjectKey) || (unguarded && statFrom === null)) {
        await dynamoose.aws.ddb().send(new PutItemCommand(this.projectionPut(projection, expectedVersion)));
      } else {
        await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: [{ Put: this.projectionPut(projection, expectedVersion) }, ...this.statWrites(projection, statFrom)] }));
      }
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /**
   * After unguarded projection writes: the subjects that became counted residents meanwhile (an
   * enrolment read the projection before the write) get their STAT item moved to the projection
   * as it now stands, checked against its version; every other writer moves it in its own
   * transaction, so this is the only gap, and it is closed here.
   */
  async statsAfterUnguarded(subjectKeys: string[]): Promise<void> {
    const persons = subjectKeys.filter(isPerson);
    const enrolled = (await this.consistentBatchGet(persons.map((k) => keys.residentStat(k)))).map((i) => i.subjectKey as string);
    await mapLimit(enrolled, 4, async (subjectKey) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const { projection, stat } = await this.getForWrite(subjectKey);
        if (!projection || !stat) return;
        const to = statOf(projection);
        if (stat.tier === to.tier && stat.points === to.points && stat.dueAt === to.dueAt) return;
        try {
          await dynamoose.aws.ddb().send(
            new TransactWriteItemsCommand({
              TransactItems: [
                { ConditionCheck: { TableName: this.tableName, Key: marshall(keys.subjectProjection(subjectKey)), ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: marshall({ ':v': projection.version }) } },
                ...residentStatWrites(this.tableName, subjectKey, stat, to),
              ],
            }),
          );
          return;
        } catch (e) {
          if (!(e instanceof TransactionCanceledException)) throw e;
          await backoff(attempt);
        }
      }
      throw new Error(`resident statistics of ${subjectKey} could not be brought up to date`);
    });
  }

  private async consistentBatchGet(keyList: Array<{ pk: string; sk: string }>): Promise<Doc[]> {
    const found: Doc[] = [];
    const chunks = Array.from({ length: Math.ceil(keyList.length / 100) }, (_, i) => keyList.slice(i * 100, i * 100 + 100));
    await mapLimit(chunks, 16, async (chunk) => {
      let pending: Array<Record<string, AttributeValue>> = chunk.map((k) => marshall(k));
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await dynamoose.aws.ddb().send(new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
        for (const raw of out.Responses?.[this.tableName] ?? []) found.push(unmarshall(raw));
        pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Array<Record<string, AttributeValue>>;
        if (pending.length > 0) await backoff(attempt);
      }
    });
    return found;
  }

  /** The STAT item's move for a person subject's new projection (see stats/resident-counters.ts); none for a business. */
  statWrites(projection: SubjectProjection, statFrom: ResidentStat | null | undefined): TransactWriteItem[] {
    if (!isPerson(projection.subjectKey) || statFrom === undefined) return [];
    return residentStatWrites(this.tableName, projection.subjectKey, statFrom, statFrom ? statOf(projection) : null);
  }
}
