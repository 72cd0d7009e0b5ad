import type { CreditRepository } from '../credit/credit.repository';
import { personSubjectKey } from '../credit/credit.types';
import { ingestCreditRecords } from '../credit/ingest-credit-records';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import { SENSITIVE_PI_CONSENT } from '../identity/verify-real-name';
import type { LoansRepository } from '../loans/loans.repository';
import { MEASURES_V1 } from '../measures/measures-v1';
import type { MeasuresRepository } from '../measures/measures.repository';
import type { IncentivesRepository } from '../incentives/incentives.repository';
import { CATALOGUE_V1 } from '../rules/catalogue-v1';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { hashIdNumber } from '../shared/domain/id-hash';
import { maskIdNumber } from '../shared/domain/identifiers';
import { DEMO_CREATED_AT, demoOrgs, demoRecords, demoUsers } from './demo-data';
import { demoIncentives, demoMerchantOrgs } from './demo-incentives';
import { demoBankOrgs, demoEnterprise, demoProducts } from './demo-loans';

export interface SeedReport {
  created: number;
  kept: number;
}

/**
 * Seeds the demo identities and data idempotently.
 * 1. Organisations, the demo business, loan products, the joint punishment measures list, 信易+ scenarios, the first rule catalogue version, users (with the ID-number owner marker of
 *    verified residents): each put only if absent.
 * 2. The demo credit records go through the real ingestion, department by department; their
 *    fixed sourceIds make a second run count them as duplicates.
 * Anything already there — including everything users changed or created — is left alone.
 */
export async function seedDemo(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; incentives: IncentivesRepository; enterprises: EnterprisesRepository; loans: LoansRepository; measures: MeasuresRepository; clock: Clock },
  pepper: string,
): Promise<SeedReport> {
  const report: SeedReport = { created: 0, kept: 0 };
  const count = (created: boolean) => (created ? report.created++ : report.kept++);
  for (const org of [...demoOrgs, ...demoMerchantOrgs, ...demoBankOrgs]) count(await deps.identities.putOrgIfAbsent(org));
  count(await deps.enterprises.putIfAbsent(demoEnterprise));
  for (const m of MEASURES_V1) count(await deps.measures.save(m, DEMO_CREATED_AT, null));
  for (const p of demoProducts) count(await deps.loans.saveProduct(p, null));
  for (const incentive of demoIncentives) count(await deps.incentives.save(incentive, null));
  count(await deps.rules.publish(CATALOGUE_V1));
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
  return report;
}
