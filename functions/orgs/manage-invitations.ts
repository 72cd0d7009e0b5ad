import type { Principal } from '../shared/auth/roles';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { pageCursor } from './org-view';
import { invitationStatus, mayManage } from './orgs.domain';
import type { OrgsRepository } from './orgs.repository';
import type { InvitationView } from './orgs.schemas';

/** An organisation's invitations, newest first, with what became of each (never the code). */
export async function listInvitations(
  deps: { orgs: OrgsRepository; clock: Clock },
  caller: Principal,
  orgId: string,
  q: { limit: number; cursor?: string },
): Promise<{ items: InvitationView[]; nextCursor: string | null }> {
  if (!mayManage(caller, orgId)) throw errors.notFound('机构不存在');
  const page = await deps.orgs.listInvitations(orgId, q.limit, pageCursor.decode(q.cursor, `invitations:${orgId}`));
  const now = deps.clock.now();
  return {
    items: page.items.map((i) => ({ id: i.id, name: i.name, role: i.role, manager: i.manager, createdAt: i.createdAt, expiresAt: i.expiresAt, status: invitationStatus(i, now) })),
    nextCursor: pageCursor.encode(page.last, `invitations:${orgId}`),
  };
}
