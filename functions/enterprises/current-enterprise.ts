import type { IdentityRepository } from '../identity/identity.repository';
import type { Principal } from '../shared/auth/roles';
import { AppError, errors } from '../shared/http/app-error';
import type { Enterprise, EnterprisesRepository } from './enterprises.repository';

/** The caller's business, from the database (not the token), or 409 NOT_REGISTERED. */
export async function currentEnterprise(
  deps: { enterprises: EnterprisesRepository; identities: IdentityRepository },
  principal: Principal,
): Promise<Enterprise> {
  const user = await deps.identities.getUser(principal.userId);
  if (!user) throw errors.unauthenticated();
  const e = user.orgId ? await deps.enterprises.get(user.orgId) : null;
  if (!e) throw new AppError(409, 'NOT_REGISTERED', '请先完成企业认证');
  return e;
}
