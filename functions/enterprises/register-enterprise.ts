import { randomUUID } from 'node:crypto';
import type { IdentityRepository } from '../identity/identity.repository';
import { issueSession } from '../identity/issue-session';
import type { TokenService } from '../shared/auth/tokens';
import type { Principal } from '../shared/auth/roles';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import { AppError, errors } from '../shared/http/app-error';
import type { EnterprisesRepository } from './enterprises.repository';
import type { RegisterBody } from './enterprises.schemas';

/**
 * An enterprise user registers their business.
 * 1. Check the USCC (GB 32100-2015): length, forbidden letters, character set, check character,
 *    each with its own message → 400 INVALID_USCC.
 * 2. In one transaction claim the USCC (409 USCC_TAKEN), create the organisation and attach the
 *    user (409 ALREADY_REGISTERED when the account already has a business).
 * 3. Return a new session that carries the organisation.
 */
export async function registerEnterprise(
  deps: { enterprises: EnterprisesRepository; identities: IdentityRepository; tokens: TokenService; clock: Clock },
  principal: Principal,
  body: RegisterBody,
): Promise<{ id: string; uscc: string; token: string }> {
  const uscc = body.uscc.toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) {
    throw new AppError(400, 'INVALID_USCC', USCC_MESSAGES[problem], [{ field: 'uscc', message: USCC_MESSAGES[problem], code: problem }]);
  }
  if (principal.orgId) throw new AppError(409, 'ALREADY_REGISTERED', '该账号已登记企业，不能重复登记');
  const orgId = `org-ent-${randomUUID().slice(0, 12)}`;
  for (let attempt = 0; ; attempt++) {
    const outcome = await deps.enterprises.register({
      orgId,
      uscc,
      name: body.name,
      legalRepresentative: body.legalRepresentative,
      ...(body.establishedOn ? { establishedOn: body.establishedOn } : {}),
      taxCreditGrade: 'M',
      registeredBy: principal.userId,
      registeredAt: deps.clock.now().toISOString(),
    });
    if (outcome === 'uscc-taken') throw new AppError(409, 'USCC_TAKEN', '该统一社会信用代码已被登记，如有疑问请联系信用中心');
    if (outcome === 'already-registered') throw new AppError(409, 'ALREADY_REGISTERED', '该账号已登记企业，不能重复登记');
    if (outcome === 'ok') break;
    if (attempt >= 5) throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
    await backoff(attempt);
  }
  const user = await deps.identities.getUser(principal.userId);
  if (!user) throw errors.unauthenticated();
  const session = await issueSession(deps.tokens, deps.clock, user);
  return { id: orgId, uscc, token: session.token };
}
