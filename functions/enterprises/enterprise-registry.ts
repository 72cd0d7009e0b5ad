import { registryFacts, type RegistryStatus } from '../registry/registry.domain';
import type { RegistryRepository } from '../registry/registry.repository';
import type { Enterprise } from './enterprises.repository';

/**
 * A registered business as the registries describe it now: name, legal representative, founding
 * date and status from the enterprise registry, the tax grade of the latest year rated (M while
 * there is none). What was stored at registration is only a fallback for the name and legal
 * representative; a founding date or tax grade is never taken from anywhere but the registries.
 */
export interface EnterpriseOnRecord extends Enterprise {
  /** Absent when the enterprise registry holds no entry for the code. */
  registryStatus?: RegistryStatus;
  taxGradeYear?: number;
}

export async function enterpriseOnRecord(registry: RegistryRepository, e: Enterprise): Promise<EnterpriseOnRecord> {
  const facts = registryFacts(await registry.get(e.uscc));
  const { establishedOn: _declared, ...rest } = e;
  return {
    ...rest,
    name: facts.name ?? e.name,
    legalRepresentative: facts.legalRepresentative ?? e.legalRepresentative,
    ...(facts.establishedOn ? { establishedOn: facts.establishedOn } : {}),
    taxCreditGrade: facts.taxCreditGrade,
    ...(facts.taxGradeYear !== undefined ? { taxGradeYear: facts.taxGradeYear } : {}),
    ...(facts.status ? { registryStatus: facts.status } : {}),
  };
}
