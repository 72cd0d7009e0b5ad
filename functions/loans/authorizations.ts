import { randomUUID } from 'node:crypto';
import { currentEnterprise } from '../enterprises/current-enterprise';
import type { EnterprisesRepository } from '../enterprises/enterprises.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import type { Authorization, LoansRepository } from './loans.repository';
import type { AuthorizationView } from './loans.schemas';

type Deps = { loans: LoansRepository; enterprises: EnterprisesRepository; identities: IdentityRepository; clock: Clock };

export function authorizationStatus(a: Authorization, now: Date): AuthorizationView['status'] {
  if (a.revokedAt) return 'revoked';
  return now.getTime() >= new Date(a.expiresAt).getTime() ? 'expired' : 'active';
}

const view = (a: Authorization, now: Date): AuthorizationView => ({
  id: a.id,
  bankId: a.bankId,
  bankName: a.bankName,
  grantedAt: a.grantedAt,
  expiresAt: a.expiresAt,
  ...(a.revokedAt ? { revokedAt: a.revokedAt } : {}),
  status: authorizationStatus(a, now),
});

/**
 * The business authorises a bank to read its credit report for N days.
 * 1. The caller's business (409 NOT_REGISTERED otherwise) and a real bank (400 otherwise).
 * 2. Store the authorisation with its expiry; it can be revoked at any time.
 */
export async function grantAuthorization(deps: Deps, principal: Principal, body: { bankId: string; days: number }): Promise<{ id: string; expiresAt: string }> {
  const enterprise = await currentEnterprise(deps, principal);
  const bank = await deps.identities.getOrg(body.bankId);
  if (!bank || bank.type !== 'bank') throw errors.validation([{ field: 'bankId', message: '请选择已入驻的银行', code: 'unknown_bank' }]);
  const now = deps.clock.now();
  const a: Authorization = {
    id: `au-${randomUUID()}`,
    enterpriseOrgId: enterprise.orgId,
    bankId: bank.id,
    bankName: bank.name,
    grantedBy: principal.userId,
    grantedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + body.days * 86_400_000).toISOString(),
  };
  await deps.loans.createAuthorization(a);
  return { id: a.id, expiresAt: a.expiresAt };
}

export async function listAuthorizations(deps: Deps, principal: Principal): Promise<{ items: AuthorizationView[]; nextCursor: null }> {
  const enterprise = await currentEnterprise(deps, principal);
  const now = deps.clock.now();
  return { items: (await deps.loans.listAuthorizations(enterprise.orgId)).map((a) => view(a, now)), nextCursor: null };
}

/** Revokes one of the business's own authorisations; another business's id is simply not found. */
export async function revokeAuthorization(deps: Deps, principal: Principal, id: string): Promise<void> {
  const enterprise = await currentEnterprise(deps, principal);
  const existing = (await deps.loans.listAuthorizations(enterprise.orgId)).find((a) => a.id === id);
  if (!existing) throw errors.notFound('授权不存在');
  if (existing.revokedAt) return;
  await deps.loans.revokeAuthorization(enterprise.orgId, id, deps.clock.now().toISOString());
}

/** A live authorisation of this bank by this business, now. */
export async function hasLiveAuthorization(loans: LoansRepository, enterpriseOrgId: string, bankId: string, now: Date): Promise<boolean> {
  return (await loans.listAuthorizations(enterpriseOrgId)).some((a) => a.bankId === bankId && authorizationStatus(a, now) === 'active');
}
