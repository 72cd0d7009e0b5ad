import type { CreditRepository } from '../credit/credit.repository';
import { enterpriseCredit } from '../enterprises/enterprise-credit';
import { enterpriseOnRecord, type EnterpriseOnRecord } from '../enterprises/enterprise-registry';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RegistryRepository } from '../registry/registry.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { restrictionReasons } from '../measures/measures.domain';
import type { MeasuresRepository } from '../measures/measures.repository';
import type { EnterpriseStanding } from './loans.domain';

export type StandingDeps = {
  enterprises: EnterprisesRepository;
  registry: RegistryRepository;
  identities: IdentityRepository;
  credit: CreditRepository;
  rules: RulesRepository;
  measures: MeasuresRepository;
  clock: Clock;
};

/**
 * What loan criteria are judged on: the caller's business — its status, founding date and tax
 * grade from the registries, read beside its credit — or "not registered". Two waves of reads:
 * 1. The business of the token's organisation, read beside the session's confirmation (`session`);
 *    the confirmed account decides which business is the caller's (the token's may be older:
 *    then the account's is read).
 * 2. Its registry entry and its credit records (rules and measures from this instance's cache).
 */
export async function enterpriseStanding(deps: StandingDeps, principal: Principal, session?: () => Promise<Principal>): Promise<{ enterprise: EnterpriseOnRecord | null; standing: EnterpriseStanding }> {
  const early = session && principal.orgId ? deps.enterprises.get(principal.orgId) : undefined;
  early?.catch(() => undefined);
  const orgId = session ? (await session()).account?.orgId : (await deps.identities.getUser(principal.userId))?.orgId;
  const registered = orgId ? await (early && orgId === principal.orgId ? early : deps.enterprises.get(orgId)) : null;
  if (!registered) {
    return { enterprise: null, standing: { registered: false, grade: 'D', activeSerious: 0, penalties12m: 0, taxCreditGrade: 'M', restrictions: [] } };
  }
  const [enterprise, c] = await Promise.all([enterpriseOnRecord(deps.registry, registered), enterpriseCredit(deps, registered)]);
  return {
    enterprise,
    standing: {
      registered: true,
      ...(enterprise.registryStatus ? { registryStatus: enterprise.registryStatus } : {}),
      grade: c.grade,
      activeSerious: c.activeSerious,
      penalties12m: c.penalties12m,
      ...(enterprise.establishedOn ? { establishedOn: enterprise.establishedOn } : {}),
      taxCreditGrade: enterprise.taxCreditGrade,
      restrictions: restrictionReasons(c.measures, 'loans'),
    },
  };
}
