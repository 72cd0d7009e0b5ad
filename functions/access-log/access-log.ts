import { randomUUID } from 'node:crypto';
import { keys } from '../shared/db/keys';
import { defineModel } from '../shared/db/models';

/**
 * The access log (谁查看了我的信用): one entry for every read of a subject's credit data by
 * someone else. Entries are written inside the same transaction as the action that read the
 * data where there is one (a loan review), so there is never an action without its entry; a
 * redemption is its own entry (the redemption item, read into the resident's log by
 * listAccessLog); a read that ends in a refusal (a scan refused at the counter) writes its entry
 * on its own, after the decision and before the answer.
 */
export interface AccessEntry {
  id: string;
  /** Whose data was read: `user:<id>` for a resident, `org:<id>` for an enterprise. */
  owner: string;
  at: string;
  actor: { userId: string; orgId?: string; orgName: string; role: string };
  purpose: string;
  what: string;
}

export const AccessLogModel = defineModel('AccessLogEntry', {
  entryId: String,
  owner: String,
  at: String,
  actorUserId: String,
  actorOrgId: String,
  actorOrgName: String,
  actorRole: String,
  purpose: String,
  what: String,
});

export const residentOwner = (userId: string) => `user:${userId}`;
export const enterpriseOwner = (orgId: string) => `org:${orgId}`;
/** A business not (yet) registered in the app, by its code: its access log once it registers (信用核查). */
export const unregisteredBusinessOwner = (uscc: string) => `uscc:${uscc}`;

export function newAccessEntry(e: Omit<AccessEntry, 'id'>): AccessEntry {
  return { id: randomUUID(), ...e };
}

/** The item for a transaction (or a plain put). */
export function accessLogItem(e: AccessEntry): Record<string, unknown> {
  return {
    ...keys.accessLog(e.owner, e.at, e.id),
    entity: 'AccessLogEntry',
    entryId: e.id,
    owner: e.owner,
    at: e.at,
    actorUserId: e.actor.userId,
    ...(e.actor.orgId ? { actorOrgId: e.actor.orgId } : {}),
    actorOrgName: e.actor.orgName,
    actorRole: e.actor.role,
    purpose: e.purpose,
    what: e.what,
  };
}

export class AccessLogRepository {
  /** One entry on its own (never overwrites: every id is fresh). */
  async record(e: AccessEntry): Promise<void> {
    await AccessLogModel.create(accessLogItem(e), { overwrite: false });
  }

  /** One page of a subject's access log, newest first. */
  async list(owner: string, limit: number, after?: string): Promise<{ items: AccessEntry[]; last?: string }> {
    const pk = keys.accessLog(owner, '', '').pk;
    let q = AccessLogModel.query('pk').eq(pk).sort('descending').limit(limit);
    if (after) q = q.startAt({ pk, sk: after });
    const docs = await q.exec();
    const last = docs.lastKey as { sk?: string } | undefined;
    return {
      items: docs.map((doc) => {
        const d = doc.toJSON();
        return {
          id: d.entryId,
          owner: d.owner,
          at: d.at,
          actor: { userId: d.actorUserId, ...(d.actorOrgId ? { orgId: d.actorOrgId } : {}), orgName: d.actorOrgName, role: d.actorRole },
          purpose: d.purpose,
          what: d.what,
        };
      }),
      ...(last?.sk ? { last: last.sk } : {}),
    };
  }
}
