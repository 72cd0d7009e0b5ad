import { enterpriseOwner, residentOwner } from '../access-log/access-log';
import { enterpriseSubjectKey } from '../credit/credit.types';
import { currentEnterprise } from '../enterprises/current-enterprise';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import { residentSubject } from '../points/resident-subject';
import type { Principal } from '../shared/auth/roles';

/** The credit subject the caller speaks for (a resident themself, or their business) and its owner key. */
export async function callerSubject(
  deps: { identities: IdentityRepository; enterprises: EnterprisesRepository },
  principal: Principal,
): Promise<{ subjectKey: string; owner: string }> {
  if (principal.roles.includes('resident')) {
    return { subjectKey: await residentSubject(deps.identities, principal.userId), owner: residentOwner(principal.userId) };
  }
  const e = await currentEnterprise(deps, principal);
  return { subjectKey: enterpriseSubjectKey(e.uscc), owner: enterpriseOwner(e.orgId) };
}
