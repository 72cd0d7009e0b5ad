import { randomUUID } from 'node:crypto';
import type { CreditRepository } from '../credit/credit.repository';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { HolidayCalendar } from '../holidays/holiday-calendar';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { addWorkingDays } from '../shared/domain/working-days';
import { AppError, errors } from '../shared/http/app-error';
import { callerSubject } from './caller-subject';
import { ANSWER_WORKING_DAYS, repairRefusal, type CaseKind, type RightsCase } from './rights.domain';
import type { RightsRepository } from './rights.repository';

type Deps = { identities: IdentityRepository; enterprises: EnterprisesRepository; credit: CreditRepository; rules: RulesRepository; rights: RightsRepository; holidays: HolidayCalendar; clock: Clock };

/**
 * A subject raises an objection against one of its events, or applies for credit repair.
 * 1. The event must be the caller's own (anyone else's: 404).
 * 2. Repair only after the minimum publication period, for a negative record still counting.
 * 3. In one transaction: store the case (deadline: 5 working days, with the State Council's
 *    holidays and adjusted working weekends) and flag the event — the event
 *    shows 「异议处理中」 at once; a second open case of the same kind is 409.
 */
export async function openCase(deps: Deps, principal: Principal, kind: CaseKind, eventId: string, text: string): Promise<{ id: string; status: 'OPEN'; deadline: string }> {
  const { subjectKey, owner } = await callerSubject(deps, principal);
  for (let attempt = 0; ; attempt++) {
    const event = await deps.credit.findEvent(eventId);
    if (!event || event.subjectKey !== subjectKey || event.state === 'retracted') throw errors.notFound('信用记录不存在');
    const fresh = (await deps.credit.listEvents(subjectKey)).find((e) => e.id === eventId) ?? event;
    const now = deps.clock.now();
    if (kind === 'repair') {
      const refusal = repairRefusal(fresh, await deps.rules.listVersions(), now);
      if (refusal) throw new AppError(409, refusal.includes('已有修复申请') ? 'REPAIR_OPEN' : 'REPAIR_NOT_ALLOWED', refusal);
    } else if (fresh.openObjectionId) {
      throw new AppError(409, 'OBJECTION_OPEN', '该记录已有异议正在处理');
    } else if (fresh.state !== 'recorded') {
      throw new AppError(409, 'OBJECTION_NOT_ALLOWED', '该记录已修复，无需再提出异议');
    }
    const createdAt = now.toISOString();
    const c: RightsCase = {
      id: `${kind === 'objection' ? 'ob' : 'rp'}-${randomUUID()}`,
      kind,
      eventId,
      subjectKey,
      owner,
      department: fresh.department,
      text,
      status: 'OPEN',
      createdAt,
      deadline: addWorkingDays(createdAt, ANSWER_WORKING_DAYS, await deps.holidays.calendar()),
    };
    const outcome = await deps.rights.open(c, fresh);
    if (outcome === 'ok') return { id: c.id, status: 'OPEN', deadline: c.deadline };
    if (outcome === 'taken') {
      throw kind === 'objection'
        ? new AppError(409, 'OBJECTION_OPEN', '该记录已有异议正在处理')
        : new AppError(409, 'REPAIR_OPEN', '该记录已有修复申请正在处理');
    }
    if (attempt >= 5) throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
    await backoff(attempt);
  }
}
