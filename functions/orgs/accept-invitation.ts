import type { IdentityRepository } from '../identity/identity.repository';
import type { AuthResponse } from '../identity/identity.schemas';
import { issueSession } from '../identity/issue-session';
import type { Principal, Role } from '../shared/auth/roles';
import type { TokenService } from '../shared/auth/tokens';
import type { Clock } from '../shared/domain/clock';
import { backoff } from '../shared/db/models';
import { AppError, errors } from '../shared/http/app-error';
import { invitationId, invitationStatus, normaliseInvitationCode } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';

const CODE = /^[0-9A-Z]{1,16}$/;
const MAX_ATTEMPTS = 5;

const notFound = () => new AppError(404, 'INVITATION_NOT_FOUND', '邀请码不存在，请核对后重新输入');
const used = () => errors.conflict('INVITATION_USED', '该邀请码已被使用或已撤销');
const expired = () => new AppError(410, 'INVITATION_EXPIRED', '邀请码已过期，请联系邀请人重新发送');

/**
 * A signed-in person accepts an invitation and joins the organisation's staff.
 * 1. Find the invitation by the code's keyed hash → 404 INVITATION_NOT_FOUND; used or revoked →
 *    409 INVITATION_USED; past its 72 hours → 410 INVITATION_EXPIRED.
 * 2. In one transaction mark it used and give the person the role and the organisation (they keep
 *    being a resident); of people racing for one code exactly one wins, the others hear
 *    INVITATION_USED. A person already on another organisation's staff → 409 ALREADY_STAFF.
 * 3. Issue a new session that carries the role.
 */
export async function acceptInvitation(
  deps: { orgs: OrgsRepository; identities: IdentityRepository; tokens: TokenService; clock: Clock; invitationPepper: string },
  caller: Principal,
  rawCode: string,
): Promise<AuthResponse> {
  const code = normaliseInvitationCode(rawCode);
  if (!CODE.test(code)) throw notFound();
  const id = invitationId(code, deps.invitationPepper);
  for (let attempt = 0; ; attempt++) {
    const [inv, user] = await Promise.all([deps.orgs.getInvitation(id), deps.identities.getUser(caller.userId)]);
    const now = deps.clock.now();
    if (!inv) throw notFound();
    const status = invitationStatus(inv, now);
    if (status === 'used' && inv.usedBy === caller.userId && user?.orgId === inv.orgId) {
      // A double tap: the first tap already made them a member; answer with a session again.
      return issueSession(deps.tokens, deps.clock, user);
    }
    if (status === 'used' || status === 'revoked') throw used();
    if (status === 'expired') throw expired();
    if (!user) throw errors.unauthenticated('账号不存在，请重新登录');
    if (user.orgId) throw errors.conflict('ALREADY_STAFF', user.orgId === inv.orgId ? '您已是该机构的人员' : '您已是其他机构的人员，请先由原机构移除后再加入');
    const roles: Role[] = [...new Set<Role>(['resident', ...user.roles, inv.role])];
    const at = now.toISOString();
    const outcome = await deps.orgs.accept(inv, user, roles, at);
    if (outcome === 'ok') return issueSession(deps.tokens, deps.clock, { ...user, roles, orgId: inv.orgId, manager: inv.manager, staffSince: at });
    if (outcome === 'already-staff') throw errors.conflict('ALREADY_STAFF', '您已是其他机构的人员，请先由原机构移除后再加入');
    // 'used' or a collision: read again, so the answer says what happened (taken, expired, suspended).
    if (outcome === 'used' && attempt >= 1) throw used();
    if (attempt >= MAX_ATTEMPTS) throw new AppError(503, 'BUSY', '请稍后重试');
    await backoff(attempt);
  }
}
