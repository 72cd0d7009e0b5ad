import { enterpriseOwner, newAccessEntry } from '../access-log/access-log';
import { enterpriseCredit } from '../enterprises/enterprise-credit';
import { enterpriseOnRecord } from '../enterprises/enterprise-registry';
import type { Enterprise } from '../enterprises/enterprises.repository';
import { registryStatusLabel } from '../registry/registry.domain';
import { countingRecords } from '../reports/report-records';
import type { Principal } from '../shared/auth/roles';
import { maskName } from '../shared/domain/identifiers';
import { AppError, errors } from '../shared/http/app-error';
import { hasLiveAuthorization } from './authorizations';
import type { StandingDeps } from './enterprise-standing';
import { REPORT_READABLE_STATUSES } from './loans.domain';
import type { LoansRepository } from './loans.repository';
import type { BankReport } from './loans.schemas';

type Deps = StandingDeps & { loans: LoansRepository };

/**
 * A bank reads a business's credit report for an application it is reviewing.
 * 1. Only the product's bank; the application must be alive (SUBMITTED, UNDER_REVIEW or
 *    APPROVED: submitting authorised the bank for the application's lifetime) or the business
 *    must have a live authorisation for the bank → else 403 NOT_AUTHORIZED.
 * 2. Build the report: only the records that count now (no expired, repaired or retracted
 *    ones); the legal representative's name masked.
 * 3. Record the read in the business's access log.
 */
export async function bankCreditReport(deps: Deps, bank: Principal, applicationId: string): Promise<BankReport> {
  const app = await deps.loans.getApplication(applicationId);
  if (!app || !bank.orgId || app.bankId !== bank.orgId) throw errors.notFound('贷款申请不存在');
  const now = deps.clock.now();
  const alive = REPORT_READABLE_STATUSES.includes(app.status);
  if (!alive && !(await hasLiveAuthorization(deps.loans, app.orgId, bank.orgId, now))) {
    throw new AppError(403, 'NOT_AUTHORIZED', '企业未授权本行查询其信用报告');
  }
  const registered = await deps.enterprises.get(app.orgId);
  if (!registered) throw errors.notFound('企业不存在');
  const report = await buildReport(deps, registered, now);
  await deps.loans.logAccess(
    newAccessEntry({
      owner: enterpriseOwner(app.orgId),
      at: now.toISOString(),
      actor: { userId: bank.userId, orgId: app.bankId, orgName: app.bankName, role: 'bank' },
      purpose: '信易贷审批',
      what: `审批「${app.productName}」申请时查看企业信用报告`,
    }),
  );
  return report;
}

/** The report, with the business's status, founding date and tax grade as the registries hold them now. */
async function buildReport(deps: Deps, registered: Enterprise, now: Date): Promise<BankReport> {
  const [e, c] = await Promise.all([enterpriseOnRecord(deps.registry, registered), enterpriseCredit(deps, registered)]);
  return {
    enterprise: {
      name: e.name,
      uscc: e.uscc,
      legalRepresentative: maskName(e.legalRepresentative),
      ...(e.establishedOn ? { establishedOn: e.establishedOn } : {}),
      ...(e.registryStatus ? { registryStatus: e.registryStatus } : {}),
      registryStatusLabel: registryStatusLabel(e.registryStatus),
      taxCreditGrade: e.taxCreditGrade,
      ...(e.taxGradeYear !== undefined ? { taxGradeYear: e.taxGradeYear } : {}),
    },
    grade: c.grade,
    score: c.score,
    drivers: c.drivers,
    penalties12m: c.penalties12m,
    records: countingRecords(c.events, now),
    generatedAt: now.toISOString(),
  };
}
