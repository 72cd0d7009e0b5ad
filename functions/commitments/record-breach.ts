import type { CreditRepository } from '../credit/credit.repository';
import { ingestCreditRecords } from '../credit/ingest-credit-records';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import { chinaDate, startOfChinaDay } from '../shared/domain/china-time';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { breachViewOf } from './commitment-views';
import { BREACH_RULES, breachSourceId, type Breach } from './commitments.domain';
import type { CommitmentsRepository } from './commitments.repository';
import type { BreachBody, BreachView } from './commitments.schemas';

type Deps = { commitments: CommitmentsRepository; credit: CreditRepository; rules: RulesRepository; orgs: OrgsRepository; clock: Clock; idHashPepper: string };

const sameBreach = (a: Breach, b: Breach) => a.department === b.department && a.reason === b.reason && a.occurredOn === b.occurredOn && a.severity === b.severity;

/**
 * A department records a breach (违诺) of a business's commitment.
 * 1. The caller's organisation is an active department (403 FORBIDDEN / ORG_SUSPENDED); the
 *    commitment exists (404).
 * 2. The breach happened on or after the day of signing and not after today (China time).
 * 3. One breach per commitment: a conditional write stores it; the same department sending the
 *    same breach again is a replay (its record is made if it was not), anything else 409
 *    ALREADY_BREACHED.
 * 4. The business's credit record for it goes through the credit ingestion, by the catalogue's
 *    breach rule for the severity (E-ETH-03/04/05), with a sourceId fixed by the commitment: one
 *    record per breach, however often it is sent. The department may report that rule for any
 *    commitment it finds breached.
 */
export async function recordBreach(deps: Deps, principal: Principal, commitmentId: string, body: BreachBody): Promise<{ commitmentId: string; breach: BreachView; record: { sourceId: string; ruleId: string } }> {
  const org = principal.orgId ? await deps.orgs.get(principal.orgId) : null;
  if (!org || org.type !== 'department') throw errors.forbidden('当前账号未绑定部门');
  if (org.status === 'suspended') throw new AppError(403, 'ORG_SUSPENDED', '本部门已被信用中心暂停报送');
  const commitment = await deps.commitments.findById(commitmentId);
  if (!commitment) throw errors.notFound('信用承诺不存在');

  const now = deps.clock.now();
  if (body.occurredOn > chinaDate(now)) throw errors.validation([{ field: 'occurredOn', message: '违诺日期不能晚于今天', code: 'future' }], '违诺日期不能晚于今天');
  if (body.occurredOn < chinaDate(commitment.signedAt)) {
    throw errors.validation([{ field: 'occurredOn', message: `违诺日期不能早于承诺签署日（${chinaDate(commitment.signedAt)}）`, code: 'before_signing' }], '违诺日期不能早于承诺签署日');
  }

  const breach: Breach = {
    reason: body.reason,
    occurredOn: body.occurredOn,
    severity: body.severity,
    department: org.id,
    departmentName: org.name,
    recordedAt: now.toISOString(),
    recordedBy: principal.userId,
    sourceId: breachSourceId(commitment.id),
  };
  let stored = breach;
  if (!(await deps.commitments.recordBreach(commitment, breach))) {
    const existing = (await deps.commitments.get(commitment.uscc, commitment.signedAt, commitment.id))?.breach;
    if (!existing || !sameBreach(existing, breach)) throw new AppError(409, 'ALREADY_BREACHED', '该承诺已记录违诺，不能重复记录');
    stored = existing;
  }

  const ruleId = BREACH_RULES[stored.severity];
  const result = await ingestCreditRecords(
    deps,
    stored.department,
    [{
      sourceId: stored.sourceId,
      subjectType: 'enterprise',
      subjectId: commitment.uscc,
      ruleId,
      occurredAt: startOfChinaDay(stored.occurredOn).toISOString(),
      note: `违背信用承诺「${commitment.title}」${commitment.subjectMatter ? `（${commitment.subjectMatter}）` : ''}`.slice(0, 200),
    }],
    [ruleId],
  );
  if (result.rejected.length > 0) throw new Error(`breach record rejected: ${result.rejected[0].code}`);
  return { commitmentId: commitment.id, breach: breachViewOf(stored), record: { sourceId: stored.sourceId, ruleId } };
}
