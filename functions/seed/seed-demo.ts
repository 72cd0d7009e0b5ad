import type { CommitmentsRepository } from '../commitments/commitments.repository';
import type { CreditRepository } from '../credit/credit.repository';
import type { DisclosuresRepository } from '../disclosures/disclosures.repository';
import type { HolidayCalendar } from '../holidays/holiday-calendar';
import { personSubjectKey } from '../credit/credit.types';
import { ingestCreditRecords } from '../credit/ingest-credit-records';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import { SENSITIVE_PI_CONSENT } from '../identity/verify-real-name';
import type { LoansRepository } from '../loans/loans.repository';
import type { MeasuresRepository } from '../measures/measures.repository';
import { DEMO_NOTICES } from '../notices/demo-notices';
import type { NoticesRepository } from '../notices/notices.repository';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { RegistryRepository } from '../registry/registry.repository';
import type { IncentivesRepository } from '../incentives/incentives.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { hashIdNumber } from '../shared/domain/id-hash';
import { maskIdNumber } from '../shared/domain/identifiers';
import { bootstrapStage } from './bootstrap';
import { seedDemoDisclosures } from './demo-disclosures';
import { DEMO_CREATED_AT, demoOrgs, demoRecords, demoUsers } from './demo-data';
import { demoIncentives, demoMerchantOrgs } from './demo-incentives';
import { demoBankOrgs, demoEnterprise, demoProducts } from './demo-loans';
import { demoRegistry } from './demo-registry';

export interface SeedReport {
  created: number;
  kept: number;
}

/**
 * Seeds the demo identities and data idempotently.
 * 1. What a real stage's bootstrap puts (catalogue, measures list, the centre and the catalogue's
 *    departments), but no administrator invitation: the demo has its administrator.
 * 2. Demo organisations, the demo business, the registries' entries (华信, the business 吴昊
 *    represents, a revoked one) and tax grades, loan products, 信易+ scenarios, 信用动态 notices, users (with the
 *    ID-number owner marker of verified residents): each put only if absent.
 * 3. The demo credit records go through the real ingestion, department by department; their
 *    fixed sourceIds make a second run count them as duplicates.
 * 4. The demo 双公示 decisions go through the departments' use case, each only if absent.
 * Anything already there — including everything users changed or created — is left alone.
 */
export async function seedDemo(
  deps: { identities: IdentityRepository; orgs: OrgsRepository; credit: CreditRepository; rules: RulesRepository; incentives: IncentivesRepository; enterprises: EnterprisesRepository; registry: RegistryRepository; loans: LoansRepository; measures: MeasuresRepository; commitments: CommitmentsRepository; clock: Clock; notices?: NoticesRepository; disclosures?: DisclosuresRepository; holidays?: HolidayCalendar },
  pepper: string,
): Promise<SeedReport> {
  const report: SeedReport = { created: 0, kept: 0 };
  const count = (created: boolean) => (created ? report.created++ : report.kept++);
  const base = await bootstrapStage(deps, { invitationPepper: pepper, adminInvitation: 'never' });
  report.created += base.created.length;
  report.kept += base.kept;
  for (const org of [...demoOrgs, ...demoMerchantOrgs, ...demoBankOrgs]) {
    count(await deps.orgs.createIfAbsent({ ...org, status: 'active', createdAt: DEMO_CREATED_AT, updatedAt: DEMO_CREATED_AT }));
  }
  count(await deps.enterprises.putIfAbsent(demoEnterprise));
  const registry = demoRegistry(deps.clock.now());
  for (const e of registry.entries) count(await deps.registry.putEntryIfAbsent(e));
  for (const g of registry.taxGrades) count(await deps.registry.putTaxGradeIfAbsent(g));
  for (const p of demoProducts) count(await deps.loans.saveProduct(p, null));
  for (const incentive of demoIncentives) count(await deps.incentives.save(incentive, null));
  if (deps.notices) for (const notice of DEMO_NOTICES) count(await deps.notices.createIfAbsent(notice));
  for (const u of demoUsers) {
    const { idNumber, ...user } = u;
    if (!idNumber) {
      count(await deps.identities.putUserIfAbsent(user));
      continue;
    }
    const idHash = hashIdNumber(idNumber, pepper);
    count(await deps.identities.putIdOwnerIfAbsent(idHash, u.id, DEMO_CREATED_AT));
    count(await deps.identities.putConsentIfAbsent(u.id, SENSITIVE_PI_CONSENT, DEMO_CREATED_AT));
    count(
      await deps.identities.putUserIfAbsent(
        { ...user, realNameVerifiedAt: DEMO_CREATED_AT, maskedIdNumber: maskIdNumber(idNumber), subjectKey: personSubjectKey(idHash) },
        { idHash },
      ),
    );
    await deps.identities.syncResidentStat(u.id);
  }
  const now = deps.clock.now().getTime();
  const departments = [...new Set(demoRecords.map((r) => r.department))];
  for (const department of departments) {
    const records = demoRecords
      .filter((r) => r.department === department)
      .map((r) => ({ ...r.record, occurredAt: new Date(now - r.daysAgo * 86_400_000).toISOString() }));
    const result = await ingestCreditRecords({ ...deps, idHashPepper: pepper }, department, records);
    if (result.rejected.length > 0) throw new Error(`demo records rejected: ${JSON.stringify(result.rejected)}`);
    report.created += result.accepted;
    report.kept += result.duplicates;
  }
  if (deps.disclosures && deps.holidays) {
    const disclosed = await seedDemoDisclosures({ ...deps, disclosures: deps.disclosures, holidays: deps.holidays, idHashPepper: pepper });
    report.created += disclosed.created;
    report.kept += disclosed.kept;
  }
  return report;
}
