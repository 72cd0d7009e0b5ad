import { QueryCommand, TransactionCanceledException, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { EventModel, projectionItem } from '../credit/credit.repository';
import type { CreditEvent, SubjectProjection } from '../credit/credit.types';
import { keys } from '../shared/db/keys';
import { residentStatWrites, statOf, type ResidentStat } from '../stats/resident-counters';
import { createOnlyPut, defineModel, isTransactionConflict } from '../shared/db/models';
import type { CaseKind, CaseStatus, ClosePlan, RightsCase } from './rights.domain';

const CaseModel = defineModel('RightsCase', { caseId: String, kind: String, status: String, dataJson: String });

const kindKey = (kind: CaseKind) => (kind === 'objection' ? 'OBJ' : 'REP') as 'OBJ' | 'REP';
const openField = (kind: CaseKind) => (kind === 'objection' ? 'openObjectionId' : 'openRepairId');

function caseItem(c: RightsCase): Record<string, unknown> {
  const k = kindKey(c.kind);
  return {
    ...keys.rightsCase(k, c.id),
    ...keys.rightsCaseDepartmentIndex(k, c.department, c.createdAt, c.id),
    ...keys.rightsCaseOwnerIndex(k, c.owner, c.createdAt, c.id),
    entity: 'RightsCase',
    caseId: c.id,
    kind: c.kind,
    status: c.status,
    dataJson: JSON.stringify(c),
  };
}

/**
 * The case's copies in its status lists (its department's and its owner's), so a list filtered by
 * status is a Query on a key: full pages, nothing filtered away after the page limit. A case's
 * status changes only when it is answered, in the transaction that moves these copies.
 */
function statusEntries(c: RightsCase): Array<Record<string, unknown>> {
  const k = kindKey(c.kind);
  const data = { entity: 'RightsCaseByStatus', caseId: c.id, kind: c.kind, status: c.status, dataJson: JSON.stringify(c) };
  return [
    { ...keys.rightsCaseStatusList(k, 'DEPT', c.department, c.status, c.createdAt, c.id), ...data },
    { ...keys.rightsCaseStatusList(k, 'OWNER', c.owner, c.status, c.createdAt, c.id), ...data },
  ];
}

/** Moves a case's status-list copies from its OPEN lists to those of its answer. */
function statusMoves(tableName: string, closed: RightsCase): TransactWriteItem[] {
  const open = statusEntries({ ...closed, status: 'OPEN' }).map((e) => ({ Delete: { TableName: tableName, Key: marshall({ pk: e.pk, sk: e.sk }) } }));
  return [...open, ...statusEntries(closed).map((e) => ({ Put: { TableName: tableName, Item: marshall(e) } }))];
}

export type Outcome = 'ok' | 'taken' | 'conflict';

export interface CloseInput {
  /** The case as answered (status, answer, answeredAt). */
  closed: RightsCase;
  /** The event as the decider read it. */
  event: CreditEvent;
  plan: ClosePlan;
  /** The open repair an upheld objection closes, as answered. */
  superseded?: RightsCase;
  /** The subject's new projection when the answer changes what counts, over the version read first. */
  projection?: { next: SubjectProjection; expectedVersion: number | null; statFrom: ResidentStat | null };
}

export class RightsRepository {
  constructor(private readonly tableName: string) {}

  /**
   * Opens a case and flags its event in one transaction; the flag is set only if the event has
   * no open case of this kind and still counts as recorded, so there is one open case per event.
   */
  async open(c: RightsCase, event: CreditEvent): Promise<Outcome> {
    const field = openField(c.kind);
    try {
      await dynamoose.transaction([
        CaseModel.transaction.create(caseItem(c), { overwrite: false }),
        ...statusEntries(c).map((e) => ({ Put: createOnlyPut(this.tableName, e) })),
        EventModel.transaction.update(keys.subjectEvent(event.subjectKey, event.id), { [field]: c.id }, {
          condition: new dynamoose.Condition('pk').exists().and().where(field).not().exists().and().where('state').eq('recorded'),
        }),
      ]);
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException && e.CancellationReasons?.[3]?.Code === 'ConditionalCheckFailed') return 'taken';
      if (isTransactionConflict(e)) return 'conflict';
      throw e;
    }
  }

  async get(kind: CaseKind, id: string): Promise<RightsCase | null> {
    const doc = await CaseModel.get(keys.rightsCase(kindKey(kind), id), { consistent: true });
    return doc ? (JSON.parse(doc.toJSON().dataJson) as RightsCase) : null;
  }

  /**
   * Closes a case in one transaction that writes only what the answer changes, each under a
   * condition on what the decider read, so that no interleaving of answers can undo another:
   * - the case: status and record, only while it is still OPEN (two deciders: one wins);
   * - the event: its open flag removed, only while it still names this case; when the state
   *   changes, also only while the state is the one read (an approval cannot revive a record an
   *   upheld objection just retracted), and an upheld objection pins the event's open repair —
   *   the one it closes as SUPERSEDED, or none — so a repair opened meanwhile is not left behind;
   * - the superseded repair, only while it is still OPEN;
   * - the projection, only over the version read before the events.
   * Writing fields instead of the whole event is what keeps a concurrent answer's fields (the
   * other case's flag, a state it set) from being overwritten by a stale copy.
   */
  async close(input: CloseInput): Promise<Outcome> {
    const { closed, event, plan, superseded, projection } = input;
    const flag = openField(closed.kind);
    const names: Record<string, string> = { '#flag': flag };
    const values: Record<string, unknown> = { ':case': closed.id };
    const conditions = ['#flag = :case'];
    const removes = ['#flag'];
    const sets: string[] = [];
    if (plan.nextState) {
      names['#state'] = 'state';
      names['#endedAt'] = 'endedAt';
      values[':read'] = event.state;
      values[':next'] = plan.nextState;
      values[':at'] = closed.answeredAt;
      conditions.push('#state = :read');
      sets.push('#state = :next', '#endedAt = :at');
      if (closed.kind === 'objection') {
        names['#repair'] = 'openRepairId';
        if (plan.supersedesRepairId) {
          values[':repair'] = plan.supersedesRepairId;
          conditions.push('#repair = :repair');
          removes.push('#repair');
        } else {
          conditions.push('attribute_not_exists(#repair)');
        }
      }
    }
    const items: TransactWriteItem[] = [
      { Update: this.caseUpdate(closed) },
      {
        Update: {
          TableName: this.tableName,
          Key: marshall(keys.subjectEvent(event.subjectKey, event.id)),
          UpdateExpression: `${sets.length > 0 ? `SET ${sets.join(', ')} ` : ''}REMOVE ${removes.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall(values),
        },
      },
    ];
    if (superseded) items.push({ Update: this.caseUpdate(superseded) });
    items.push(...statusMoves(this.tableName, closed), ...(superseded ? statusMoves(this.tableName, superseded) : []));
    if (projection) {
      const put = createOnlyPut(this.tableName, projectionItem(projection.next));
      items.push({
        Put: projection.expectedVersion === null
          ? put
          : { ...put, ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(projection.expectedVersion) } } },
      });
      // A counted resident's STAT item and the dashboard's counters move with the projection.
      if (projection.next.subjectKey.startsWith('P#')) {
        items.push(...residentStatWrites(this.tableName, projection.next.subjectKey, projection.statFrom, projection.statFrom ? statOf(projection.next) : null));
      }
    }
    try {
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        const r = e.CancellationReasons ?? [];
        if (r[0]?.Code === 'ConditionalCheckFailed') return 'taken';
        if (r.some((x) => x.Code === 'ConditionalCheckFailed' || x.Code === 'TransactionConflict')) return 'conflict';
      }
      throw e;
    }
  }

  /** A case's answer: its status and record, only while it is still OPEN. */
  private caseUpdate(c: RightsCase) {
    return {
      TableName: this.tableName,
      Key: marshall(keys.rightsCase(kindKey(c.kind), c.id)),
      UpdateExpression: 'SET #status = :status, #data = :data',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status', '#data': 'dataJson' },
      ExpressionAttributeValues: marshall({ ':status': c.status, ':data': JSON.stringify(c), ':open': 'OPEN' }),
    };
  }

  /** A department's cases, newest first, one page; with a status, only those (its status list). */
  async listByDepartment(kind: CaseKind, department: string, limit: number, after?: Record<string, string>, status?: CaseStatus): Promise<{ items: RightsCase[]; last?: Record<string, string> }> {
    if (status) return this.statusPage(keys.rightsCaseStatusList(kindKey(kind), 'DEPT', department, status, '', '').pk, limit, after);
    let q = CaseModel.query('gsi1pk').eq(`DEPT${kindKey(kind)}#${department}`).using('GSI1').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => JSON.parse(d.toJSON().dataJson) as RightsCase), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  /** Someone's own cases, newest first, one page; with a status, only those (its status list). */
  async listByOwner(kind: CaseKind, owner: string, limit: number, after?: Record<string, string>, status?: CaseStatus): Promise<{ items: RightsCase[]; last?: Record<string, string> }> {
    if (status) return this.statusPage(keys.rightsCaseStatusList(kindKey(kind), 'OWNER', owner, status, '', '').pk, limit, after);
    let q = CaseModel.query('gsi2pk').eq(`OWNER${kindKey(kind)}#${owner}`).using('GSI2').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => JSON.parse(d.toJSON().dataJson) as RightsCase), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  private async statusPage(pk: string, limit: number, after?: Record<string, string>): Promise<{ items: RightsCase[]; last?: Record<string, string> }> {
    const out = await dynamoose.aws.ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': pk }),
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => JSON.parse(unmarshall(i).dataJson) as RightsCase),
      ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) as Record<string, string> } : {}),
    };
  }
}
