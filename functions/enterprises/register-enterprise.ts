import { randomUUID } from 'node:crypto';
import type { IdentityRepository } from '../identity/identity.repository';
import type { User } from '../identity/identity.types';
import { issueSession } from '../identity/issue-session';
import { currentTaxGrade, REGISTRY_STATUS_LABELS, sameRegistryName } from '../registry/registry.domain';
import type { RegistryRepository } from '../registry/registry.repository';
import type { TokenService } from '../shared/auth/tokens';
import type { Principal, Role } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import { AppError, errors } from '../shared/http/app-error';
import type { EnterprisesRepository } from './enterprises.repository';
import type { RegisterBody } from './enterprises.schemas';

const alreadyRegistered = () => new AppError(409, 'ALREADY_REGISTERED', '该账号已登记企业，不能重复登记');
const alreadyStaff = () => new AppError(409, 'ALREADY_STAFF', '该账号已是其他机构的工作人员，不能再认证企业；请用本人的另一微信账号认证');

/** Why an account that belongs to an organisation cannot register a business. */
const belongsElsewhere = (user: User) => (user.roles.includes('enterprise') ? alreadyRegistered() : alreadyStaff());

/**
 * A person registers the business they represent, checked against the enterprise registry.
 * 1. Check the USCC (GB 32100-2015): length, forbidden letters, character set, registration
 *    authority / organisation type pair, division code, check character → 400 INVALID_USCC.
 * 2. The account: one that already has a business → 409 ALREADY_REGISTERED (staff of another
 *    organisation → 409 ALREADY_STAFF); it must carry a verified real name → 403 REAL_NAME_REQUIRED.
 * 3. The registry: the code must be in it → 404 NOT_IN_REGISTRY; a name or legal representative
 *    given must be the registry's → 422 REGISTRY_MISMATCH; the caller's verified name must be the
 *    legal representative's → 403 NOT_LEGAL_REPRESENTATIVE; the business must be active (存续) →
 *    422 ENTERPRISE_NOT_ACTIVE.
 * 4. In one transaction claim the USCC (409 USCC_TAKEN), create the organisation with the
 *    registry's name, legal representative and founding date and the tax grade in force (M while
 *    the tax department has rated none), and make the caller its manager with the enterprise role
 *    (409 ALREADY_REGISTERED when the account joined an organisation meanwhile).
 * 5. Return a new session that carries the organisation.
 */
export async function registerEnterprise(
  deps: { enterprises: EnterprisesRepository; identities: IdentityRepository; registry: RegistryRepository; tokens: TokenService; clock: Clock },
  principal: Principal,
  body: RegisterBody,
): Promise<{ id: string; uscc: string; token: string }> {
  const uscc = body.uscc.toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) {
    throw new AppError(400, 'INVALID_USCC', USCC_MESSAGES[problem], [{ field: 'uscc', message: USCC_MESSAGES[problem], code: problem }]);
  }
  const [user, record] = await Promise.all([deps.identities.getUser(principal.userId), deps.registry.get(uscc, true)]);
  if (!user) throw errors.unauthenticated();
  if (user.orgId) throw belongsElsewhere(user);
  if (!user.realNameVerifiedAt) throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证：企业须由法定代表人本人实名后认证');

  const entry = record.entry;
  if (!entry) throw new AppError(404, 'NOT_IN_REGISTRY', '企业登记信息中没有这个统一社会信用代码，请核对营业执照；新设立的企业须待市场监管部门报送后再认证');
  const mismatches: Array<{ field: string; message: string; code: string }> = [];
  if (body.name !== undefined && !sameRegistryName(body.name, entry.name)) {
    mismatches.push({ field: 'name', message: '企业名称与登记信息不一致', code: 'mismatch' });
  }
  if (body.legalRepresentative !== undefined && !sameRegistryName(body.legalRepresentative, entry.legalRepresentative)) {
    mismatches.push({ field: 'legalRepresentative', message: '法定代表人与登记信息不一致', code: 'mismatch' });
  }
  if (mismatches.length > 0) {
    throw new AppError(422, 'REGISTRY_MISMATCH', `${mismatches.map((m) => m.message).join('；')}，请按营业执照填写`, mismatches);
  }
  if (!sameRegistryName(user.name, entry.legalRepresentative)) {
    throw new AppError(403, 'NOT_LEGAL_REPRESENTATIVE', '您实名认证的姓名与该企业登记的法定代表人不一致：企业须由法定代表人本人认证');
  }
  if (entry.status !== 'active') {
    throw new AppError(422, 'ENTERPRISE_NOT_ACTIVE', `该企业在登记机关的状态为「${REGISTRY_STATUS_LABELS[entry.status]}」，不能认证`);
  }

  const orgId = `org-ent-${randomUUID().slice(0, 12)}`;
  const roles: Role[] = user.roles.includes('enterprise') ? user.roles : [...user.roles, 'enterprise'];
  for (let attempt = 0; ; attempt++) {
    const outcome = await deps.enterprises.register(
      {
        orgId,
        uscc,
        name: entry.name,
        legalRepresentative: entry.legalRepresentative,
        establishedOn: entry.establishedOn,
        taxCreditGrade: currentTaxGrade(record.taxGrades).grade,
        registeredBy: principal.userId,
        registeredAt: deps.clock.now().toISOString(),
      },
      { roles, name: user.name },
    );
    if (outcome === 'uscc-taken') throw new AppError(409, 'USCC_TAKEN', '该统一社会信用代码已被登记，如有疑问请联系信用中心');
    if (outcome === 'already-registered') {
      const now = await deps.identities.getUser(principal.userId);
      throw now && !now.roles.includes('enterprise') && now.orgId ? alreadyStaff() : alreadyRegistered();
    }
    if (outcome === 'ok') break;
    if (attempt >= 5) throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
    await backoff(attempt);
  }
  // The account as the transaction left it (a read now might not see the write yet).
  const session = await issueSession(deps.tokens, deps.clock, { ...user, roles, orgId, manager: true });
  return { id: orgId, uscc, token: session.token };
}
