import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import { registryStatusLabel } from '../registry/registry.domain';
import type { RegistryRepository } from '../registry/registry.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { MeasuresRepository } from '../measures/measures.repository';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { currentEnterprise } from './current-enterprise';
import { enterpriseCredit } from './enterprise-credit';
import { enterpriseOnRecord } from './enterprise-registry';
import type { EnterprisesRepository } from './enterprises.repository';
import type { EnterpriseProfile } from './enterprises.schemas';

/**
 * The business page: its profile as the registries describe it now, grade A–D, what drives the
 * grade, and its records.
 * 1. Find the caller's business (409 NOT_REGISTERED otherwise).
 * 2. Read the registries (status, founding date, tax grade) beside evaluating its records with the
 *    same engine as residents' points.
 */
export async function getMyEnterprise(
  deps: { enterprises: EnterprisesRepository; registry: RegistryRepository; identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; measures: MeasuresRepository; clock: Clock },
  principal: Principal,
): Promise<EnterpriseProfile> {
  const registered = await currentEnterprise(deps, principal);
  const [e, c] = await Promise.all([enterpriseOnRecord(deps.registry, registered), enterpriseCredit(deps, registered)]);
  return {
    id: e.orgId,
    uscc: e.uscc,
    name: e.name,
    legalRepresentative: e.legalRepresentative,
    ...(e.establishedOn ? { establishedOn: e.establishedOn } : {}),
    ...(e.registryStatus ? { registryStatus: e.registryStatus } : {}),
    registryStatusLabel: registryStatusLabel(e.registryStatus),
    taxCreditGrade: e.taxCreditGrade,
    ...(e.taxGradeYear !== undefined ? { taxGradeYear: e.taxGradeYear } : {}),
    grade: c.grade,
    score: c.score,
    drivers: c.drivers,
    penalties12m: c.penalties12m,
    events: c.events,
  };
}
