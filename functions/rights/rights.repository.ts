import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { EventModel, eventItem, ProjectionModel, projectionCondition, projectionItem } from '../credit/credit.repository';
import type { CreditEvent, SubjectProjection } from '../credit/credit.types';
import { keys } from '../shared/db/keys';
import { defineModel, isTransactionConflict } from '../shared/db/models';
import type { CaseKind, RightsCase } from './rights.domain';

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

export type Outcome = 'ok' | 'taken' | 'conflict';

export class RightsRepository {
  /**
   * Opens a case and flags its event in one transaction; the flag is set only if the event has
   * no open case of this kind and still counts as recorded, so there is one open case per event.
   */
  async open(c: RightsCase, event: CreditEvent): Promise<Outcome> {
    const field = openField(c.kind);
    try {
      await dynamoose.transaction([
        CaseModel.transaction.create(caseItem(c), { overwrite: false }),
        EventModel.transaction.update(keys.subjectEvent(event.subjectKey, event.id), { [field]: c.id }, {
          condition: new dynamoose.Condition('pk').exists().and().where(field).not().exists().and().where('state').eq('recorded'),
        }),
      ]);
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException && e.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed') return 'taken';
      if (isTransactionConflict(e)) return 'conflict';
      throw e;
    }
  }

  async get(kind: CaseKind, id: string): Promise<RightsCase | null> {
    const doc = await CaseModel.get(keys.rightsCase(kindKey(kind), id), { consistent: true });
    return doc ? (JSON.parse(doc.toJSON().dataJson) as RightsCase) : null;
  }

  /**
   * Closes a case. The case changes only if it is still OPEN (one answer per case); the event is
   * rewritten with its new state and without the open flag, and — when the answer changes what
   * counts (an upheld objection retracts, an approved repair ends the record) — the subject's
   * projection is written in the same transaction, guarded by its version.
   */
  async close(c: RightsCase, event: CreditEvent, projection: { next: SubjectProjection; expectedVersion: number | null } | null): Promise<Outcome> {
    const ops: unknown[] = [
      CaseModel.transaction.create(caseItem(c), { overwrite: true, condition: new dynamoose.Condition('status').eq('OPEN') }),
      EventModel.transaction.create(eventItem(event), { overwrite: true, condition: new dynamoose.Condition(openField(c.kind)).eq(c.id) }),
    ];
    if (projection) {
      ops.push(ProjectionModel.transaction.create(projectionItem(projection.next), { overwrite: true, condition: projectionCondition(projection.expectedVersion) }));
    }
    try {
      await dynamoose.transaction(ops as Parameters<typeof dynamoose.transaction>[0]);
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

  async listByDepartment(kind: CaseKind, department: string, limit: number, after?: Record<string, string>): Promise<{ items: RightsCase[]; last?: Record<string, string> }> {
    let q = CaseModel.query('gsi1pk').eq(`DEPT${kindKey(kind)}#${department}`).using('GSI1').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => JSON.parse(d.toJSON().dataJson) as RightsCase), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  async listByOwner(kind: CaseKind, owner: string, limit: number, after?: Record<string, string>): Promise<{ items: RightsCase[]; last?: Record<string, string> }> {
    let q = CaseModel.query('gsi2pk').eq(`OWNER${kindKey(kind)}#${owner}`).using('GSI2').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => JSON.parse(d.toJSON().dataJson) as RightsCase), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }
}
