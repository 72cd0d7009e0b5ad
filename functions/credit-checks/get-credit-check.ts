import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import type { CreditChecksRepository } from './credit-checks.repository';
import type { CheckResult } from './credit-checks.domain';
import type { CreditCheckResponse } from './credit-checks.schemas';

/**
 * One past check of the caller's department, with its signed report as issued.
 * 1. Read the check; another department's check is answered like a missing one (404), so its
 *    existence is not disclosed.
 */
export async function getCreditCheck(deps: { creditChecks: CreditChecksRepository }, principal: Principal, id: string): Promise<CreditCheckResponse> {
  const check = await deps.creditChecks.get(id);
  if (!check || !principal.orgId || check.department !== principal.orgId) throw errors.notFound('核查记录不存在');
  const results = (check.report.results as Array<CheckResult & { verdictLabel?: string }>).map(({ verdictLabel: _label, ...r }) => r);
  return { id: check.id, purpose: check.purpose, createdAt: check.createdAt, summary: check.summary, results, report: check.report, signature: check.signature };
}
