import type { CreditRepository } from '../credit/credit.repository';
import type { CreditEvent } from '../credit/credit.types';
import { buildProjection } from '../credit/projection';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { closePlan, SUPERSEDED_ANSWER, type CaseKind, type Decision, type RightsCase } from './rights.domain';
import type { CloseInput, RightsRepository } from './rights.repository';

type Deps = { credit: CreditRepository; rules: RulesRepository; rights: RightsRepository; clock: Clock };

export type { Decision };

/**
 * The reporting department (or the credit centre) answers an objection or a repair application.
 * 1. Only the event's department or the admin; the case must still be open (409 otherwise).
 * 2. Read the subject's projection version (and the dashboard's STAT item of a counted resident,
 *    which moves with it) first, then its events: any change to what counts
 *    that lands after these reads also moves the projection, so this answer's projection write
 *    fails and it starts again from fresh reads instead of scoring stale events.
 * 3. Plan the answer from the event as read (rights.domain `closePlan`): objection upheld → the
 *    record is retracted and an open repair on it is closed as SUPERSEDED; repair approved → the
 *    record stops counting now and is no longer shown to others; rejected → only the flag goes
 *    and the subject sees the reason.
 * 4. One transaction writes only the fields the answer changes, each conditioned on what was
 *    read (RightsRepository.close). Another decider of the same case → 409; a concurrent answer
 *    to the event's other case → read again and retry (a few times, then 503).
 */
export async function decideCase(deps: Deps, principal: Principal, kind: CaseKind, id: string, decision: Decision, reason: string): Promise<RightsCase> {
  const allowed: Decision[] = kind === 'objection' ? ['uphold', 'reject'] : ['approve', 'reject'];
  if (!allowed.includes(decision)) throw errors.validation([{ field: 'decision', message: `只能是 ${allowed.join(' 或 ')}`, code: 'invalid' }]);
  for (let attempt = 0; ; attempt++) {
    const c = await deps.rights.get(kind, id);
    const isAdmin = principal.roles.includes('admin');
    if (!c || (!isAdmin && principal.orgId !== c.department)) throw errors.notFound(kind === 'objection' ? '异议不存在' : '修复申请不存在');
    if (c.status !== 'OPEN') throw new AppError(409, 'CASE_CLOSED', '该申请已处理完毕');

    const { projection: current, stat } = await deps.credit.getForWrite(c.subjectKey);
    const events = await deps.credit.listEvents(c.subjectKey);
    const event = events.find((e) => e.id === c.eventId);
    if (!event) throw errors.notFound('信用记录不存在');

    const now = deps.clock.now();
    const at = now.toISOString();
    const answeredBy = principal.orgId ?? principal.userId;
    const plan = closePlan(kind, decision, event);
    const closed: RightsCase = { ...c, status: plan.status, answeredAt: at, answer: plan.status === 'SUPERSEDED' ? SUPERSEDED_ANSWER : reason, answeredBy };
    const input: CloseInput = { closed, event, plan };

    if (plan.supersedesRepairId) {
      const repair = await deps.rights.get('repair', plan.supersedesRepairId);
      if (repair?.status === 'OPEN') input.superseded = { ...repair, status: 'SUPERSEDED', answeredAt: at, answer: SUPERSEDED_ANSWER, answeredBy };
    }
    if (plan.nextState) {
      const next: CreditEvent = { ...event, state: plan.nextState, endedAt: at };
      const all = events.map((e) => (e.id === event.id ? next : e));
      input.projection = { next: buildProjection(c.subjectKey, all, await deps.rules.listVersions(), now, (current?.version ?? 0) + 1), expectedVersion: current?.version ?? null, statFrom: stat };
    }

    const outcome = await deps.rights.close(input);
    if (outcome === 'ok') return closed;
    if (outcome === 'taken') throw new AppError(409, 'CASE_CLOSED', '该申请已处理完毕');
    if (attempt >= 5) throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
    await backoff(attempt);
  }
}
