import { randomUUID } from 'node:crypto';
import { readProjection } from '../credit/read-projection';
import { enterpriseCredit } from '../enterprises/enterprise-credit';
import { currentEnterprise } from '../enterprises/current-enterprise';
import { applicableMeasures } from '../measures/measures.domain';
import { eventViews } from '../points/event-view';
import { DIMENSIONS } from '../points/points.domain';
import { personalPoints } from '../points/points.engine';
import { residentSubject } from '../points/resident-subject';
import type { Principal } from '../shared/auth/roles';
import { maskName } from '../shared/domain/identifiers';
import { errors } from '../shared/http/app-error';
import type { AppDeps } from '../container';
import { countingRecords } from './report-records';

export const REPORT_ISSUER = '管城回族区社会信用体系建设中心';
const VALID_DAYS = 30;

export interface SignedReport {
  report: Record<string, unknown>;
  signature: string;
}

/**
 * The caller's credit report, signed with the platform's Ed25519 key, for use in other regions.
 * 1. Resident: points, tier, dimensions, the records that count now (not expired, repaired or
 *    retracted ones), the measures that apply; name and ID number masked.
 *    Enterprise user: the business's grade, what drives it, its records that count now, its
 *    measures.
 * 2. Sign the canonical JSON; the key id is inside the report, the public key is published.
 */
export async function getMyReport(deps: AppDeps, principal: Principal): Promise<SignedReport> {
  const now = deps.clock.now();
  const base = {
    reportId: `cr-${randomUUID()}`,
    issuer: REPORT_ISSUER,
    issuedAt: now.toISOString(),
    validUntil: new Date(now.getTime() + VALID_DAYS * 86_400_000).toISOString(),
    keyId: deps.reports.keyId,
  };
  let report: Record<string, unknown>;
  const measures = await deps.measures.list();
  if (principal.roles.includes('resident')) {
    const subjectKey = await residentSubject(deps.identities, principal.userId);
    const user = await deps.identities.getUser(principal.userId);
    if (!user) throw errors.unauthenticated();
    const [projection, events, catalogue] = await Promise.all([readProjection(deps, subjectKey), deps.credit.listEvents(subjectKey), deps.rules.listVersions()]);
    const { points, tier } = personalPoints(projection?.delta ?? 0);
    report = {
      ...base,
      reportType: 'person',
      title: '个人信用积分报告',
      subject: { name: maskName(user.name), idNumber: user.maskedIdNumber ?? '' },
      points,
      tier: tier.label,
      dimensions: DIMENSIONS.map((d) => ({ label: d.label, points: projection?.dimensions[d.code] ?? 0 })),
      records: countingRecords(eventViews(events, catalogue, now), now).map((e) => ({ title: e.title, ruleId: e.ruleId, points: e.countedPoints, occurredAt: e.occurredAt, countsUntil: e.countsUntil, status: e.status, department: e.department })),
      measures: applicableMeasures(projection?.activeRecords ?? [], measures, now).map((a) => ({ title: a.measure.title, listType: a.measure.listType, until: a.until })),
    };
  } else {
    const e = await currentEnterprise(deps, principal);
    const c = await enterpriseCredit(deps, e);
    report = {
      ...base,
      reportType: 'enterprise',
      title: '企业公共信用综合评价报告',
      subject: { name: e.name, uscc: e.uscc },
      grade: c.grade,
      score: c.score,
      drivers: c.drivers,
      records: countingRecords(c.events, now).map((ev) => ({ title: ev.title, ruleId: ev.ruleId, points: ev.countedPoints, occurredAt: ev.occurredAt, countsUntil: ev.countsUntil, status: ev.status, department: ev.department })),
      measures: c.measures.map((a) => ({ title: a.measure.title, listType: a.measure.listType, until: a.until })),
    };
  }
  return { report, signature: deps.reports.sign(report) };
}
