import {
  GetItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import type { User } from '../identity/identity.types';
import type { OrgType, Role } from '../shared/auth/roles';
import { keys } from '../shared/db/keys';
import { batchGetPlainItems, createOnlyPut, isConditionalFailure, isTransactionConflict } from '../shared/db/models';
import type { Invitation, OrgFeeds, Organisation } from './orgs.domain';

/**
 * Organisations, their invitations and their staff, straight through the SDK.
 *   ORG#<id> / PROFILE          the organisation (GSI1 by type, GSI2 all by creation)
 *   ORGUSCC#<uscc> / OWNER      one organisation per USCC
 *   INV#<hash> / INV            an invitation, keyed by its code's keyed hash (GSI1 per organisation)
 *   USER#<id> / PROFILE         a member: the user item carries orgId, role, manager (GSI1 per organisation)
 */
const ddb = () => dynamoose.aws.ddb();

export interface PageResult<T> {
  items: T[];
  last?: Record<string, unknown>;
}

export type AcceptOutcome = 'ok' | 'used' | 'already-staff' | 'conflict';

function toOrg(d: Record<string, any>): Organisation {
  return {
    id: d.orgId,
    type: d.orgType as OrgType,
    name: d.name,
    ...(d.uscc ? { uscc: d.uscc } : {}),
    status: d.orgStatus === 'suspended' ? 'suspended' : 'active',
    ...(d.suspendedReason ? { suspendedReason: d.suspendedReason } : {}),
    ...(d.feeds ? { feeds: { rules: d.feeds.rules ?? [], registries: d.feeds.registries ?? [] } } : {}),
    createdAt: d.createdAt ?? '2026-01-01T00:00:00.000Z',
    updatedAt: d.updatedAt ?? d.createdAt ?? '2026-01-01T00:00:00.000Z',
  };
}

function orgItem(o: Organisation): Record<string, unknown> {
  return {
    ...keys.org(o.id),
    ...keys.orgsByTypeIndex(o.type, o.id),
    ...keys.allOrgsIndex(o.createdAt, o.id),
    entity: 'Org',
    orgId: o.id,
    orgType: o.type,
    name: o.name,
    uscc: o.uscc,
    orgStatus: o.status,
    suspendedReason: o.suspendedReason,
    feeds: o.feeds,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/**
 * An organisation's entries in the lists by status (all, newest first; per type, by id): pointers
 * to ORG#…, so a list filtered by status is a Query on a key (full pages) and a BatchGet of the
 * organisations. They move with the status, in the update's transaction.
 */
function statusPointers(o: { id: string; type: OrgType; createdAt: string }, status: 'active' | 'suspended'): Array<Record<string, unknown>> {
  const data = { entity: 'OrgByStatus', orgId: o.id };
  return [{ ...keys.orgStatusList(status, o.createdAt, o.id), ...data }, { ...keys.orgStatusTypeList(status, o.type, o.id), ...data }];
}

function toInvitation(d: Record<string, any>): Invitation {
  return {
    id: d.invitationId,
    orgId: d.orgId,
    role: d.role as Role,
    name: d.name,
    manager: d.manager === true,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    expiresAt: d.expiresAt,
    state: d.invState,
    ...(d.usedBy ? { usedBy: d.usedBy } : {}),
    ...(d.usedAt ? { usedAt: d.usedAt } : {}),
  };
}

const TTL_AFTER_EXPIRY_SECONDS = 30 * 86_400;

export class OrgsRepository {
  constructor(private readonly tableName: string) {}

  async get(orgId: string, consistent = false): Promise<Organisation | null> {
    const out = await ddb().send(new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.org(orgId)), ConsistentRead: consistent }));
    return out.Item && unmarshall(out.Item).entity === 'Org' ? toOrg(unmarshall(out.Item)) : null;
  }

  /** Creates an organisation and claims its USCC in one transaction; `uscc-taken` when another has it. */
  async create(o: Organisation): Promise<'ok' | 'uscc-taken' | 'exists'> {
    const items = [
      { Put: createOnlyPut(this.tableName, orgItem(o)) },
      ...(o.uscc ? [{ Put: createOnlyPut(this.tableName, { ...keys.orgUsccOwner(o.uscc), entity: 'OrgUscc', orgId: o.id, createdAt: o.createdAt }) }] : []),
      ...statusPointers(o, o.status).map((item) => ({ Put: { TableName: this.tableName, Item: marshall(item) } })),
    ];
    try {
      await ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        const reasons = e.CancellationReasons ?? [];
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'uscc-taken';
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'exists';
      }
      throw e;
    }
  }

  /** Seeding and bootstrap: the organisation unless it exists (its USCC claimed with it). */
  async createIfAbsent(o: Organisation): Promise<boolean> {
    const outcome = await this.create(o);
    if (outcome === 'uscc-taken') throw new Error(`USCC of ${o.id} belongs to another organisation`);
    if (outcome === 'exists') {
      // Kept as it is; its status-list entries are put back in case it was stored before they existed.
      const stored = await this.get(o.id, true);
      if (stored) await ddb().send(new TransactWriteItemsCommand({ TransactItems: statusPointers(stored, stored.status).map((item) => ({ Put: { TableName: this.tableName, Item: marshall(item) } })) }));
    }
    return outcome === 'ok';
  }

  /** Replaces the editable fields over the version the editor read (`updatedAt`). */
  async update(orgId: string, change: { name?: string; feeds?: OrgFeeds; status?: 'active' | 'suspended'; suspendedReason?: string | null }, expectedUpdatedAt: string, at: string): Promise<boolean> {
    const sets: string[] = ['updatedAt = :at'];
    const removes: string[] = [];
    const values: Record<string, unknown> = { ':at': at, ':expected': expectedUpdatedAt };
    if (change.name !== undefined) {
      sets.push('#name = :name');
      values[':name'] = change.name;
    }
    if (change.feeds !== undefined) {
      sets.push('feeds = :feeds');
      values[':feeds'] = change.feeds;
    }
    if (change.status !== undefined) {
      sets.push('orgStatus = :status');
      values[':status'] = change.status;
    }
    if (change.suspendedReason === null) removes.push('suspendedReason');
    else if (change.suspendedReason !== undefined) {
      sets.push('suspendedReason = :reason');
      values[':reason'] = change.suspendedReason;
    }
    const update = {
      TableName: this.tableName,
      Key: marshall(keys.org(orgId)),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      // Over the version read: two editors never silently overwrite each other.
      ConditionExpression: 'attribute_exists(pk) AND (updatedAt = :expected OR attribute_not_exists(updatedAt))',
      ExpressionAttributeNames: change.name !== undefined ? { '#name': 'name' } : undefined,
      ExpressionAttributeValues: marshall(values, { removeUndefinedValues: true }),
    };
    try {
      const before = change.status !== undefined ? await this.get(orgId, true) : null;
      if (before && change.status !== undefined) {
        // The status lists move with the status (the other status's entries go, whatever was
        // stored before); the version condition makes `before` the version updated.
        await ddb().send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Update: update },
              ...statusPointers(before, change.status === 'active' ? 'suspended' : 'active').map((item) => ({ Delete: { TableName: this.tableName, Key: marshall({ pk: item.pk, sk: item.sk }) } })),
              ...statusPointers(before, change.status).map((item) => ({ Put: { TableName: this.tableName, Item: marshall(item) } })),
            ],
          }),
        );
        return true;
      }
      await ddb().send(new UpdateItemCommand(update));
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /**
   * One page of organisations, newest first or by type. With a status, the page comes from the
   * status list (a Query on a key, then one BatchGet of the organisations): full pages, exact.
   */
  async list(type: OrgType | undefined, limit: number, after?: Record<string, unknown>, status?: 'active' | 'suspended'): Promise<PageResult<Organisation>> {
    if (status) return this.listByStatus(status, type, limit, after);
    const out = await ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: type ? 'GSI1' : 'GSI2',
        KeyConditionExpression: type ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi2pk = :pk',
        ExpressionAttributeValues: marshall(type ? { ':pk': keys.orgsByTypeIndex(type, '').gsi1pk, ':prefix': 'ORG#' } : { ':pk': keys.allOrgsIndex('', '').gsi2pk }),
        Limit: limit,
        ScanIndexForward: type ? true : false,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => toOrg(unmarshall(i))),
      ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}),
    };
  }

  private async listByStatus(status: 'active' | 'suspended', type: OrgType | undefined, limit: number, after?: Record<string, unknown>): Promise<PageResult<Organisation>> {
    const pk = type ? keys.orgStatusTypeList(status, type, '').pk : keys.orgStatusList(status, '', '').pk;
    const out = await ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': pk }),
        Limit: limit,
        ScanIndexForward: type ? true : false,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    const ids = (out.Items ?? []).map((i) => unmarshall(i).orgId as string);
    const found = new Map((await batchGetPlainItems(this.tableName, ids.map((id) => keys.org(id)))).map((d) => [d.orgId as string, toOrg(d)]));
    return {
      items: ids.flatMap((id) => (found.get(id) ? [found.get(id)!] : [])),
      ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}),
    };
  }

  /** Every organisation of a type (the statistics job; never on a request path). */
  async listAllOfType(type: OrgType): Promise<Organisation[]> {
    const all: Organisation[] = [];
    let after: Record<string, unknown> | undefined;
    do {
      const page = await this.list(type, 100, after);
      all.push(...page.items);
      after = page.last;
    } while (after);
    return all;
  }

  // ---- invitations

  async createInvitation(inv: Invitation): Promise<boolean> {
    try {
      await ddb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: createOnlyPut(this.tableName, {
                ...keys.invitation(inv.id),
                ...keys.orgInvitationIndex(inv.orgId, inv.createdAt, inv.id),
                entity: 'Invitation',
                invitationId: inv.id,
                orgId: inv.orgId,
                role: inv.role,
                name: inv.name,
                manager: inv.manager,
                createdAt: inv.createdAt,
                createdBy: inv.createdBy,
                expiresAt: inv.expiresAt,
                invState: inv.state,
                ttl: Math.floor(new Date(inv.expiresAt).getTime() / 1000) + TTL_AFTER_EXPIRY_SECONDS,
              }),
            },
            // Only into an organisation that exists and is active.
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: marshall(keys.org(inv.orgId)),
                ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(orgStatus) OR orgStatus <> :suspended)',
                ExpressionAttributeValues: marshall({ ':suspended': 'suspended' }),
              },
            },
          ],
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  async getInvitation(id: string): Promise<Invitation | null> {
    const out = await ddb().send(new GetItemCommand({ TableName: this.tableName, Key: marshall(keys.invitation(id)), ConsistentRead: true }));
    return out.Item ? toInvitation(unmarshall(out.Item)) : null;
  }

  async listInvitations(orgId: string, limit: number, after?: Record<string, unknown>): Promise<PageResult<Invitation>> {
    const idx = keys.orgInvitationIndex(orgId, '', '');
    const out = await ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: marshall({ ':pk': idx.gsi1pk }),
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => toInvitation(unmarshall(i))), ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}) };
  }

  /** Revokes an open invitation of that organisation; false when it is not open (or not theirs). */
  async revokeInvitation(orgId: string, id: string, at: string): Promise<boolean> {
    try {
      await ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.invitation(id)),
          UpdateExpression: 'SET invState = :revoked, revokedAt = :at',
          ConditionExpression: 'orgId = :org AND invState = :open',
          ExpressionAttributeValues: marshall({ ':revoked': 'revoked', ':at': at, ':org': orgId, ':open': 'open' }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * Accepting an invitation, in one transaction:
   * - the invitation goes from open to used, only while open and not expired — of people racing for
   *   one code exactly one gets through;
   * - the user gains the role and the organisation, only while they belong to no organisation;
   * - the organisation must still be active.
   */
  async accept(inv: Invitation, user: User, roles: Role[], at: string): Promise<AcceptOutcome> {
    const member = keys.orgStaffIndex(inv.orgId, user.id);
    try {
      await ddb().send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: marshall(keys.invitation(inv.id)),
                UpdateExpression: 'SET invState = :used, usedBy = :user, usedAt = :at',
                ConditionExpression: 'invState = :open AND expiresAt > :at',
                ExpressionAttributeValues: marshall({ ':used': 'used', ':user': user.id, ':at': at, ':open': 'open' }),
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: marshall(keys.user(user.id)),
                UpdateExpression: 'SET #roles = :roles, orgId = :org, manager = :manager, staffSince = :at, staffName = :name, gsi1pk = :gpk, gsi1sk = :gsk',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(orgId)',
                ExpressionAttributeNames: { '#roles': 'roles' },
                ExpressionAttributeValues: marshall({ ':roles': roles, ':org': inv.orgId, ':manager': inv.manager, ':at': at, ':name': inv.name, ':gpk': member.gsi1pk, ':gsk': member.gsi1sk }),
              },
            },
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: marshall(keys.org(inv.orgId)),
                ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(orgStatus) OR orgStatus <> :suspended)',
                ExpressionAttributeValues: marshall({ ':suspended': 'suspended' }),
              },
            },
          ],
        }),
      );
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        const reasons = e.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'used';
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'already-staff';
        if (reasons[2]?.Code === 'ConditionalCheckFailed') return 'used';
        if (isTransactionConflict(e)) return 'conflict';
      }
      throw e;
    }
  }

  // ---- staff

  async listStaff(orgId: string, limit: number, after?: Record<string, unknown>): Promise<PageResult<User>> {
    const out = await ddb().send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
        ExpressionAttributeValues: marshall({ ':pk': keys.orgStaffIndex(orgId, '').gsi1pk, ':prefix': 'USER#' }),
        Limit: limit,
        ...(after ? { ExclusiveStartKey: marshall(after) } : {}),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => {
        const d = unmarshall(i);
        return {
          id: d.userId,
          name: d.name,
          roles: d.roles ?? [],
          orgId: d.orgId,
          ...(d.manager ? { manager: true } : {}),
          ...(d.staffSince ? { staffSince: d.staffSince } : {}),
          ...(d.staffName ? { staffName: d.staffName } : {}),
          createdAt: d.createdAt,
        } as User;
      }),
      ...(out.LastEvaluatedKey ? { last: unmarshall(out.LastEvaluatedKey) } : {}),
    };
  }

  /** Takes the role and the organisation from a member, only while they are that organisation's member. */
  async removeMember(orgId: string, userId: string, rolesLeft: Role[], at: string): Promise<boolean> {
    try {
      await ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.user(userId)),
          UpdateExpression: 'SET #roles = :roles, leftOrgAt = :at REMOVE orgId, manager, staffSince, staffName, gsi1pk, gsi1sk',
          ConditionExpression: 'orgId = :org',
          ExpressionAttributeNames: { '#roles': 'roles' },
          ExpressionAttributeValues: marshall({ ':roles': rolesLeft, ':org': orgId, ':at': at }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }
}
