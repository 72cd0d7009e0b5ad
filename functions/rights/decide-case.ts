import type { CreditRepository } from '../credit/credit.repository';
import type { CreditEvent } from '../credit/credit.types';
import { buildProjection } from '../credit/projection';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import type { CaseKind, RightsCase } from './rights.domain';
import type { RightsRepository } from './rights.repository';

type Deps = { credit: CreditRepository; rules: RulesRepository; rights: RightsRepository; clock: Clock };

export type Decision = 'uphold' | 'reject' | 'approve';

/**
 * The reporting department (or the credit centre) answers an objection or a repair application.
 * 1. Only the event's department or the admin; the case must still be open (409 otherwise).
 * 2. Objection upheld → the event is retracted (it never counts); repair approved → the record
 *    stops counting now and is no longer shown to others. Either way the subject's points or
 *    grade are recomputed in the same transaction. Rejected → the reason is shown to the subject.
 */
export async function decideCase(deps: Deps, principal: Principal, kind: CaseKind, id: string, decision: Decision, reason: string): Promise<RightsCase> {
  const allowed: Decision[] = kind === 'objection' ? ['uphold', 'reject'] : ['approve', 'reject'];
  if (!allowed.includes(decision)) throw errors.validation([{ field: 'decision', message: `只能是 ${allowed.join(' 或 ')}`, code: 'invalid' }]);
  for (let attempt = 0; ; attempt++) {
    const c = await deps.rights.get(kind, id);
    const isAdmin = principal.roles.includes('admin');
    if (!c || (!isAdmin && principal.orgId !== c.department)) throw errors.notFound(kind === 'objection' ? '异议不存在' : '修复申请不存在');
    if (c.status !== 'OPEN') throw new AppError(409, 'CASE_CLOSED', '该申请已处理完毕');
    const events = await deps.credit.listEvents(c.subjectKey);
    const event = events.find((e) => e.id === c.eventId);
    if (!event) throw errors.notFound('信用记录不存在');
    const now = deps.clock.now();
    const at = now.toISOString();
    const { openObjectionId: _o, openRepairId: _r, ...rest } = event;
    const cleared: CreditEvent = { ...rest, ...(kind === 'objection' && event.openRepairId ? { openRepairId: event.openRepairId } : {}), ...(kind === 'repair' && event.openObjectionId ? { openObjectionId: event.openObjectionId } : {}) };
    let nextEvent = cleared;
    if (decision === 'uphold') nextEvent = { ...cleared, state: 'retracted', endedAt: at };
    if (decision === 'approve') nextEvent = { ...cleared, state: 'repaired', endedAt: at };
    let projection: Parameters<RightsRepository['close']>[2] = null;
    if (decision !== 'reject') {
      const current = await deps.credit.getProjection(c.subjectKey);
      const all = events.map((e) => (e.id === event.id ? nextEvent : e));
      projection = { next: buildProjection(c.subjectKey, all, await deps.rules.listVersions(), now, (current?.version ?? 0) + 1), expectedVersion: current?.version ?? null };
    }
    const closed: RightsCase = {
      ...c,
      status: decision === 'uphold' ? 'UPHELD' : decision === 'approve' ? 'APPROVED' : 'REJECTED',
      answeredAt: at,
      answer: reason,
      answeredBy: principal.orgId ?? principal.userId,
    };
    const outcome = await deps.rights.close(closed, nextEvent, projection);
    if (outcome === 'ok') return closed;
    if (outcome === 'taken') throw new AppError(409, 'CASE_CLOSED', '该申请已处理完毕');
    if (attempt >= 5) throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
    await backoff(attempt);
  }
}
