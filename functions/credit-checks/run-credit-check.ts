import { randomUUID } from 'node:crypto';
import { enterpriseOwner, newAccessEntry, unregisteredBusinessOwner, type AccessEntry } from '../access-log/access-log';
import type { AppDeps } from '../container';
import { enterpriseSubjectKey } from '../credit/credit.types';
import { eventViews } from '../points/event-view';
import { REPORT_ISSUER } from '../reports/get-my-report';
import { findRule } from '../rules/rules.domain';
import type { Principal } from '../shared/auth/roles';
import { mapLimit } from '../shared/domain/concurrency';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import { CHECK_PURPOSE_LABELS, VERDICT_LABELS, assessBusiness, distinctSubjects, summarise, type CheckPurpose } from './credit-checks.domain';
import type { CreditCheckResponse } from './credit-checks.schemas';

/** A check's report can be verified for this long (a check says how things stood when it ran). */
const REPORT_VALID_DAYS = 30;
/** Businesses whose credit events are read at once (one Query each). */
const READ_CONCURRENCY = 16;

/**
 * A department checks businesses' credit before procurement, bidding, an approval, an award or a
 * subsidy (信用核查).
 * 1. Every code must be a valid USCC (GB 32100) → else 400 INVALID_USCC naming each bad one by
 *    its position; repeated codes are checked once. The department must be active → else 403.
 * 2. Read in batches: the registry entries and the app's owners of all codes (BatchGetItem), the
 *    catalogue and the measures list once, and each found business's credit events (one Query
 *    each, 16 at a time). Nothing is scanned.
 * 3. Assess each business for the purpose (credit-checks.domain.ts): not_found, restricted with
 *    reasons, or clear.
 * 4. Sign the whole check as a report (Ed25519, like credit reports: POST /api/reports/verify
 *    accepts it).
 * 5. Write an access-log entry for every business found, naming the department and the purpose;
 *    then store the check for the department's list; then answer.
 */
export async function runCreditCheck(deps: AppDeps, principal: Principal, body: { purpose: CheckPurpose; subjects: string[] }): Promise<CreditCheckResponse> {
  const subjects = distinctSubjects(body.subjects);
  const invalid = body.subjects
    .map((raw, index) => ({ index, uscc: raw.trim().toUpperCase() }))
    .map((s) => ({ ...s, problem: usccProblem(s.uscc) }))
    .filter((s) => s.problem !== null);
  if (invalid.length > 0) {
    const first = invalid[0];
    throw new AppError(
      400,
      'INVALID_USCC',
      `第 ${first.index + 1} 个统一社会信用代码有误：${USCC_MESSAGES[first.problem!]}${invalid.length > 1 ? `（共 ${invalid.length} 个有误）` : ''}`,
      invalid.map((s) => ({ index: s.index, uscc: s.uscc, message: USCC_MESSAGES[s.problem!] })),
    );
  }
  const department = principal.orgId ? await deps.orgs.get(principal.orgId) : null;
  if (!department || department.type !== 'department') throw new AppError(403, 'FORBIDDEN', '当前账号未绑定部门');
  if (department.status === 'suspended') throw new AppError(403, 'ORG_SUSPENDED', '本部门已被信用中心暂停，暂不能核查');

  const now = deps.clock.now();
  const [entries, owners, catalogue, measures] = await Promise.all([
    deps.creditChecks.registryEntries(subjects),
    deps.creditChecks.enterpriseOrgs(subjects),
    deps.rules.listVersions(),
    deps.measures.list(),
  ]);
  const results = await mapLimit(subjects, READ_CONCURRENCY, async (uscc) => {
    const registry = entries.get(uscc) ?? null;
    const events = registry ? await deps.credit.listEvents(enterpriseSubjectKey(uscc)) : [];
    // A record names its severity only when the department gave one; otherwise its rule's applies.
    const views = eventViews(events, catalogue, now).map((v) => ({ ...v, severity: v.severity ?? findRule(catalogue, v.ruleVersion, v.ruleId)?.severity }));
    return assessBusiness({ uscc, registry, events: views }, body.purpose, measures, now);
  });

  const id = `cc-${randomUUID()}`;
  const purposeLabel = CHECK_PURPOSE_LABELS[body.purpose];
  const summary = summarise(results);
  const report = {
    reportId: id,
    reportType: 'credit-check',
    title: '公共信用核查报告',
    issuer: REPORT_ISSUER,
    issuedAt: now.toISOString(),
    validUntil: new Date(now.getTime() + REPORT_VALID_DAYS * 86_400_000).toISOString(),
    keyId: deps.reports.keyId,
    department: { id: department.id, name: department.name },
    purpose: body.purpose,
    purposeLabel,
    summary,
    results: results.map((r) => ({ ...r, verdictLabel: VERDICT_LABELS[r.verdict] })),
  };
  const signature = deps.reports.sign(report);

  const access: AccessEntry[] = results
    .filter((r) => r.verdict !== 'not_found')
    .map((r) => {
      const orgId = owners.get(r.uscc);
      return newAccessEntry({
        owner: orgId ? enterpriseOwner(orgId) : unregisteredBusinessOwner(r.uscc),
        at: now.toISOString(),
        actor: { userId: principal.userId, orgId: department.id, orgName: department.name, role: 'department' },
        purpose: `信用核查：${purposeLabel}`,
        what: `${purposeLabel}前核查企业公共信用（核查编号 ${id}）`,
      });
    });
  await deps.creditChecks.logAccess(access);
  await deps.creditChecks.save({ id, department: department.id, purpose: body.purpose, createdAt: now.toISOString(), createdBy: principal.userId, summary, report, signature });
  return { id, purpose: body.purpose, createdAt: now.toISOString(), summary, results, report, signature };
}
