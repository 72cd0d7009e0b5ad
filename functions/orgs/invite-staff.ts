import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { INVITATION_TTL_HOURS, invitationId, mayManage, newInvitationCode, staffRoleOf, type Invitation } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';
import type { InviteBody } from './orgs.schemas';

/**
 * The credit centre, or a manager of the organisation, invites a member.
 * 1. Only the centre or that organisation's manager → 404 (an outsider learns nothing).
 * 2. The role must be the one the organisation's type has (merchant, bank, department, admin for
 *    the centre) → 400 VALIDATION_FAILED.
 * 3. Draw a one-time code; store the invitation under the code's keyed hash, valid 72 hours, only
 *    into an active organisation → 409 ORG_SUSPENDED.
 * 4. Return the code: this is the only time it is shown.
 */
export async function inviteStaff(
  deps: { orgs: OrgsRepository; clock: Clock; invitationPepper: string },
  caller: Principal,
  orgId: string,
  body: InviteBody,
): Promise<{ id: string; code: string; expiresAt: string }> {
  if (!mayManage(caller, orgId)) throw errors.notFound('机构不存在');
  const org = await deps.orgs.get(orgId);
  if (!org) throw errors.notFound('机构不存在');
  const role = staffRoleOf(org.type);
  if (!role || role !== body.role) {
    throw errors.validation([{ field: 'role', message: role ? `该机构的人员角色只能是 ${role}` : '该类机构不通过邀请加入' }], '角色与机构类型不符');
  }
  if (org.status === 'suspended') throw errors.conflict('ORG_SUSPENDED', '该机构已暂停，不能邀请人员');
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newInvitationCode();
    const inv: Invitation = {
      id: invitationId(code, deps.invitationPepper),
      orgId,
      role,
      name: body.name,
      manager: body.manager === true,
      createdAt: now.toISOString(),
      createdBy: caller.userId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_HOURS * 3_600_000).toISOString(),
      state: 'open',
    };
    if (await deps.orgs.createInvitation(inv)) return { id: inv.id, code, expiresAt: inv.expiresAt };
    // A failed condition is a suspension that raced in, or (60 bits) a code drawn twice.
    const current = await deps.orgs.get(orgId, true);
    if (current?.status === 'suspended') throw errors.conflict('ORG_SUSPENDED', '该机构已暂停，不能邀请人员');
  }
  throw new AppError(503, 'BUSY', '请稍后重试');
}
