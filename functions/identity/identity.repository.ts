import { TransactionCanceledException, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys, SIGNED_OUT_PREFIX, signedOutAttribute } from '../shared/db/keys';
import { backoff, defineModel, getPlainItem, isConditionalFailure, isTransactionConflict } from '../shared/db/models';
import type { OrgType, Role } from '../shared/auth/roles';
import type { Org, User } from './identity.types';
import { syncResidentStat } from '../stats/resident-counters';

const UserModel = defineModel('User', {
  userId: String,
  name: String,
  roles: { type: Array, schema: [String] },
  orgId: String,
  manager: Boolean,
  staffSince: String,
  staffName: String,
  maskedIdNumber: String,
  idHash: String,
  realNameVerifiedAt: String,
  subjectKey: String,
  consentWithdrawnAt: String,
  createdAt: String,
});

const WechatIdentityModel = defineModel('WechatIdentity', {
  userId: String,
  createdAt: String,
});

const IdOwnerModel = defineModel('IdOwner', {
  userId: String,
  createdAt: String,
});

const ConsentModel = defineModel('Consent', {
  consentType: String,
  consentVersion: String,
  grantedAt: String,
  withdrawnAt: String,
});


type Doc = Record<string, unknown>;

function toUser(d: Doc): User {
  return {
    id: d.userId as string,
    name: d.name as string,
    roles: d.roles as Role[],
    ...(d.orgId ? { orgId: d.orgId as string } : {}),
    ...(d.manager ? { manager: true } : {}),
    ...(d.staffSince ? { staffSince: d.staffSince as string } : {}),
    ...(d.staffName ? { staffName: d.staffName as string } : {}),
    ...(d.maskedIdNumber ? { maskedIdNumber: d.maskedIdNumber as string } : {}),
    ...(d.realNameVerifiedAt ? { realNameVerifiedAt: d.realNameVerifiedAt as string } : {}),
    ...(d.subjectKey ? { subjectKey: d.subjectKey as string } : {}),
    ...(d.consentWithdrawnAt ? { consentWithdrawnAt: d.consentWithdrawnAt as string } : {}),
    createdAt: d.createdAt as string,
  };
}

function userItem(user: User): Doc {
  return {
    ...keys.user(user.id),
    ...(user.orgId ? keys.orgStaffIndex(user.orgId, user.id) : {}),
    ...(user.realNameVerifiedAt && user.roles.includes('resident') ? keys.verifiedResidentIndex(user.id) : {}),
    entity: 'User',
    userId: user.id,
    name: user.name,
    roles: user.roles,
    ...(user.orgId ? { orgId: user.orgId } : {}),
    ...(user.manager ? { manager: true } : {}),
    ...(user.staffSince ? { staffSince: user.staffSince } : {}),
    ...(user.staffName ? { staffName: user.staffName } : {}),
    ...(user.maskedIdNumber ? { maskedIdNumber: user.maskedIdNumber } : {}),
    ...(user.realNameVerifiedAt ? { realNameVerifiedAt: user.realNameVerifiedAt } : {}),
    ...(user.subjectKey ? { subjectKey: user.subjectKey } : {}),
    createdAt: user.createdAt,
  };
}

export class IdentityRepository {
  constructor(private readonly tableName: string) {}

  /** On every signed-in request's path: read without dynamoose's schema conversion. */
  async getUser(userId: string): Promise<User | null> {
    const item = await getPlainItem(this.tableName, keys.user(userId));
    return item ? toUser(item) : null;
  }

  /**
   * Signs one token out: a marker on the account (`signedOut_<session id>`, the token's expiry),
   * which the session confirmation reads with the account anyway; the markers of tokens that
   * have expired since are removed in the same write. Nothing to do for an account that is gone.
   */
  async revokeSession(sessionId: string, userId: string, expiresAt: number, at: Date): Promise<void> {
    const account = await getPlainItem(this.tableName, keys.user(userId), true);
    if (!account) return;
    const now = Math.floor(at.getTime() / 1000);
    const expired = Object.entries(account).filter(([name, exp]) => name.startsWith(SIGNED_OUT_PREFIX) && name !== signedOutAttribute(sessionId) && typeof exp === 'number' && exp < now).map(([name]) => name);
    const names: Record<string, string> = { '#so': signedOutAttribute(sessionId), ...Object.fromEntries(expired.map((n, i) => [`#x${i}`, n])) };
    try {
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.user(userId)),
          UpdateExpression: `SET #so = :exp${expired.length > 0 ? ` REMOVE ${expired.map((_, i) => `#x${i}`).join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: marshall({ ':exp': expiresAt }),
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
  }

  async getOrg(orgId: string): Promise<Org | null> {
    const d = await getPlainItem(this.tableName, keys.org(orgId));
    return d ? { id: d.orgId, type: d.orgType as OrgType, name: d.name } : null;
  }

  async findUserIdByOpenid(openid: string): Promise<string | null> {
    const doc = await WechatIdentityModel.get(keys.wechatIdentity(openid));
    return doc ? (doc.toJSON().userId as string) : null;
  }

  /**
   * Creates a user together with its WeChat identity in one transaction. The identity is put
   * only if absent, so two first logins racing for one openid cannot create two users.
   * Returns false when another request won the race.
   */
  async createUserWithWechatIdentity(user: User, openid: string): Promise<boolean> {
    try {
      await dynamoose.transaction([
        UserModel.transaction.create(userItem(user), { overwrite: false }),
        WechatIdentityModel.transaction.create(
          { ...keys.wechatIdentity(openid), entity: 'WechatIdentity', userId: user.id, createdAt: user.createdAt },
          { overwrite: false },
        ),
      ]);
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /**
   * Records a resident's real-name verification and consent in one transaction:
   * the ID number's owner marker is created only if no account owns that number yet, the user is
   * updated only if not verified before, and the consent is stored beside them.
   */
  async verifyRealName(
    userId: string,
    v: { name: string; idHash: string; maskedIdNumber: string; subjectKey: string; at: string },
    consent: { type: string; version: string },
  ): Promise<'ok' | 'id-taken' | 'already-verified'> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.tryVerifyRealName(userId, v, consent);
      if (outcome === 'ok') await this.syncResidentStat(userId);
      if (outcome !== 'conflict' || attempt >= 5) return outcome === 'conflict' ? 'id-taken' : outcome;
      await backoff(attempt);
    }
  }

  private async tryVerifyRealName(
    userId: string,
    v: { name: string; idHash: string; maskedIdNumber: string; subjectKey: string; at: string },
    consent: { type: string; version: string },
  ): Promise<'ok' | 'id-taken' | 'already-verified' | 'conflict'> {
    try {
      await dynamoose.transaction([
        IdOwnerModel.transaction.create({ ...keys.idOwner(v.idHash), entity: 'IdOwner', userId, createdAt: v.at }, { overwrite: false }),
        UserModel.transaction.update(
          keys.user(userId),
          { name: v.name, idHash: v.idHash, maskedIdNumber: v.maskedIdNumber, subjectKey: v.subjectKey, realNameVerifiedAt: v.at, ...keys.verifiedResidentIndex(userId) },
          { condition: new dynamoose.Condition('pk').exists().and().where('realNameVerifiedAt').not().exists() },
        ),
        ConsentModel.transaction.create(
          { ...keys.consent(userId, consent.type, v.at), entity: 'Consent', consentType: consent.type, consentVersion: consent.version, grantedAt: v.at },
          { overwrite: false },
        ),
      ]);
      return 'ok';
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        const reasons = e.CancellationReasons ?? [];
        if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'already-verified';
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'id-taken';
        if (isTransactionConflict(e)) return 'conflict';
      }
      throw e;
    }
  }

  async listConsents(userId: string): Promise<Array<{ sk: string; type: string; version: string; grantedAt: string; withdrawnAt?: string }>> {
    const docs = await ConsentModel.query('pk').eq(keys.user(userId).pk).where('sk').beginsWith('CONSENT#').consistent().all().exec();
    return docs
      .map((doc) => {
        const d = doc.toJSON();
        return { sk: d.sk as string, type: d.consentType as string, version: d.consentVersion as string, grantedAt: d.grantedAt as string, ...(d.withdrawnAt ? { withdrawnAt: d.withdrawnAt as string } : {}) };
      })
      .sort((a, b) => (a.grantedAt < b.grantedAt ? 1 : -1));
  }

  /** Withdraws the given consent and pauses processing, in one transaction (once). */
  async withdrawConsent(userId: string, consentSk: string, at: string): Promise<boolean> {
    try {
      await dynamoose.transaction([
        ConsentModel.transaction.update({ pk: keys.user(userId).pk, sk: consentSk }, { withdrawnAt: at }, { condition: new dynamoose.Condition('withdrawnAt').not().exists() }),
        UserModel.transaction.update(keys.user(userId), { consentWithdrawnAt: at }),
      ]);
      await this.syncResidentStat(userId);
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  /** Records a new consent and resumes processing, in one transaction. */
  async grantConsent(userId: string, consent: { type: string; version: string }, at: string): Promise<void> {
    await dynamoose.transaction([
      ConsentModel.transaction.create({ ...keys.consent(userId, consent.type, at), entity: 'Consent', consentType: consent.type, consentVersion: consent.version, grantedAt: at }, { overwrite: false }),
      UserModel.transaction.update(keys.user(userId), { $REMOVE: ['consentWithdrawnAt'] }, { condition: new dynamoose.Condition('realNameVerifiedAt').exists() }),
    ]);
    await this.syncResidentStat(userId);
  }

  /**
   * Counts the user in the dashboard's resident figures, or stops counting them, as their state
   * now says (stats/resident-counters.ts); after verification, consent changes and seeding.
   */
  async syncResidentStat(userId: string): Promise<void> {
    await syncResidentStat(this.tableName, userId);
  }

  /** Seeding: a consent record, unless one exists for that moment. */
  async putConsentIfAbsent(userId: string, consent: { type: string; version: string }, at: string): Promise<boolean> {
    try {
      await ConsentModel.create({ ...keys.consent(userId, consent.type, at), entity: 'Consent', consentType: consent.type, consentVersion: consent.version, grantedAt: at }, { overwrite: false });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  async putIdOwnerIfAbsent(idHash: string, userId: string, at: string): Promise<boolean> {
    try {
      await IdOwnerModel.create({ ...keys.idOwner(idHash), entity: 'IdOwner', userId, createdAt: at }, { overwrite: false });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /** Seeding: put the user unless it exists already, so users' own changes survive a restart. */
  async putUserIfAbsent(user: User, extra: { idHash?: string; maskedIdNumber?: string } = {}): Promise<boolean> {
    try {
      await UserModel.create({ ...userItem(user), ...extra }, { overwrite: false });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /** One page of verified residents (statistics job only). */
  async verifiedResidentsPage(limit: number, after?: Record<string, string>): Promise<{ items: User[]; last?: Record<string, string> }> {
    let q = UserModel.query('gsi2pk').eq('VERIFIED#resident').using('GSI2').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => toUser(d.toJSON())), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  /** Readiness probe: one real read against the table. */
  /** One key read of the table (through the SDK, like every hot read): it throws when the table is unreachable. */
  async probe(): Promise<void> {
    await getPlainItem(this.tableName, keys.healthProbe());
  }
}
