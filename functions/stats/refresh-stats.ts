import type { OrgsRepository } from '../orgs/orgs.repository';
import { readProjection } from '../credit/read-projection';
import type { CreditRepository } from '../credit/credit.repository';
import { applicationView } from '../loans/applications';
import type { IdentityRepository } from '../identity/identity.repository';
import type { LoansRepository } from '../loans/loans.repository';
import { TIERS } from '../points/points.domain';
import { RESIDENT_COUNTER_SHARDS } from '../shared/db/keys';
import { mapLimit } from '../shared/domain/concurrency';
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
 * 0. The first run on a table counts the residents verified before the counters existed (once).
 * 1. Residents by tier and their points are counters kept where the facts change
 *    (stats/resident-counters.ts): this only refreshes the projections of counted residents
 *    that changed by themselves since (an event stopped counting; the STAT expiry index), which
 *    moves their counters, and then reads the counters in one Query. Its work grows with the
 *    changes, not with the number of residents.
 * 2. Page through each bank's applications: counts by status, and the overdue ones.
 * 3. Page through each department's open objections and repairs (their status lists): open and overdue counts.
 * 4. Store the snapshot; the dashboard reads it in one GetItem.
 */
export async function refreshStats(deps: Deps): Promise<DashboardSnapshot> {
  const now = deps.clock.now();
  if (!(await deps.stats.residentsCounted())) {
    // Once per table: residents verified before the counters existed are counted (idempotent, so
    // a run cut short just starts again), then never again.
    let after: Record<string, string> | undefined;
    do {
      const page = await deps.identities.verifiedResidentsPage(100, after);
      await mapLimit(page.items, 8, (user) => deps.identities.syncResidentStat(user.id));
      after = page.last;
    } while (after);
    await deps.stats.markResidentsCounted(now.toISOString());
  }
  for (let shard = 0; shard < RESIDENT_COUNTER_SHARDS; shard++) {
    const due = await deps.stats.dueResidents(shard, now.toISOString());
    await mapLimit(due, 8, (subjectKey) => readProjection(deps, subjectKey));
  }
  const totals = await deps.stats.residentTotals();

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
        const page = await deps.rights.listByDepartment(kind, dept.id, 100, cursor, 'OPEN');
        for (const c of page.items) {
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
      verified: totals.verified,
      byTier: TIERS.map((t) => ({ code: t.code, label: t.label, count: totals.byTier[t.code] })),
      averagePoints: totals.verified > 0 ? Math.round(totals.pointsSum / totals.verified) : 0,
    },
    applications: { byStatus: STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s], count: statusCounts.get(s) ?? 0 })), overdue },
    cases,
  };
  await deps.stats.putSnapshot(snapshot);
  return snapshot;
}
