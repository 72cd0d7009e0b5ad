import type { OrgsRepository } from '../orgs/orgs.repository';
import { readProjection } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import { applicationView } from '../loans/applications';
import type { LoansRepository } from '../loans/loans.repository';
import { TIERS } from '../points/points.domain';
import { personalPoints } from '../points/points.engine';
import type { RightsRepository } from '../rights/rights.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { STATUSES, STATUS_LABELS } from '../loans/loans.domain';
import type { StatsRepository } from './stats.repository';

export interface DashboardSnapshot {
  computedAt: string;
  residents: { verified: number; byTier: Array<{ code: string; label: string; count: number }>; averagePoints: number };
  applications: {
    byStatus: Array<{ status: string; label: string; count: number }>;
    overdue: Array<{ id: string; enterprise: string; bank: string; product: string; deadline: string }>;
  };
  cases: Array<{ department: string; kind: 'objection' | 'repair'; open: number; overdue: number }>;
}

type Deps = {
  identities: IdentityRepository;
  orgs: OrgsRepository;
  credit: CreditRepository;
  rules: RulesRepository;
  loans: LoansRepository;
  rights: RightsRepository;
  stats: StatsRepository;
  clock: Clock;
};

/**
 * The statistics job behind the credit centre's dashboard. It runs on a schedule (a separate
 * Lambda in serverless.yml; every few minutes under `npm start`), never on a request path.
 * 1. Page through the verified residents; read each projection (refreshing stale ones, so
 *    expiries are applied) and count residents by tier.
 * 2. Page through each bank's applications: counts by status, and the overdue ones.
 * 3. Page through each department's objection and repair queues: open and overdue counts.
 * 4. Store the snapshot; the dashboard reads it in one GetItem.
 */
export async function refreshStats(deps: Deps): Promise<DashboardSnapshot> {
  const now = deps.clock.now();
  const tierCounts = new Map<string, number>(TIERS.map((t) => [t.code, 0]));
  let verified = 0;
  let pointsSum = 0;
  let after: Record<string, string> | undefined;
  do {
    const page = await deps.identities.verifiedResidentsPage(100, after);
    for (const user of page.items) {
      if (!user.subjectKey || user.consentWithdrawnAt) continue;
      const projection = await readProjection(deps, user.subjectKey);
      const { points, tier } = personalPoints(projection?.delta ?? 0);
      verified++;
      pointsSum += points;
      tierCounts.set(tier.code, (tierCounts.get(tier.code) ?? 0) + 1);
    }
    after = page.last;
  } while (after);

  const statusCounts = new Map<string, number>(STATUSES.map((s) => [s, 0]));
  const overdue: DashboardSnapshot['applications']['overdue'] = [];
  for (const bank of await deps.orgs.listAllOfType('bank')) {
    let cursor: Record<string, string> | undefined;
    do {
      const page = await deps.loans.listByBank(bank.id, 100, cursor);
      for (const a of page.items) {
        statusCounts.set(a.status, (statusCounts.get(a.status) ?? 0) + 1);
        const v = applicationView(a, now);
        if (v.overdue) overdue.push({ id: a.id, enterprise: a.enterpriseName, bank: a.bankName, product: a.productName, deadline: a.deadline });
      }
      cursor = page.last;
    } while (cursor);
  }

  const cases: DashboardSnapshot['cases'] = [];
  for (const dept of await deps.orgs.listAllOfType('department')) {
    for (const kind of ['objection', 'repair'] as const) {
      let open = 0;
      let late = 0;
      let cursor: Record<string, string> | undefined;
      do {
        const page = await deps.rights.listByDepartment(kind, dept.id, 100, cursor);
        for (const c of page.items) {
          if (c.status !== 'OPEN') continue;
          open++;
          if (now.getTime() > new Date(c.deadline).getTime()) late++;
        }
        cursor = page.last;
      } while (cursor);
      if (open > 0) cases.push({ department: dept.name, kind, open, overdue: late });
    }
  }

  const snapshot: DashboardSnapshot = {
    computedAt: now.toISOString(),
    residents: {
      verified,
      byTier: TIERS.map((t) => ({ code: t.code, label: t.label, count: tierCounts.get(t.code) ?? 0 })),
      averagePoints: verified > 0 ? Math.round(pointsSum / verified) : 0,
    },
    applications: { byStatus: STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s], count: statusCounts.get(s) ?? 0 })), overdue },
    cases,
  };
  await deps.stats.putSnapshot(snapshot);
  return snapshot;
}
