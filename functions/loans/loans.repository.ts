import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import * as dynamoose from 'dynamoose';
import { AccessLogModel, accessLogItem, type AccessEntry } from '../access-log/access-log';
import { keys } from '../shared/db/keys';
import { defineModel, getPlainItem, isConditionalFailure, isTransactionConflict, queryPlainItems } from '../shared/db/models';
import type { ApplicationStatus, LoanProduct } from './loans.domain';

const ProductModel = defineModel('LoanProduct', { productId: String, bankId: String, dataJson: String, updatedAt: String });
const AuthorizationModel = defineModel('BankAuthorization', {
  authorizationId: String,
  enterpriseOrgId: String,
  bankId: String,
  bankName: String,
  grantedBy: String,
  grantedAt: String,
  expiresAt: String,
  revokedAt: String,
});
const ApplicationModel = defineModel('LoanApplication', { applicationId: String, status: String, version: Number, dataJson: String });
const IdempotencyModel = defineModel('IdempotencyKey', { applicationId: String, bodyHash: String, createdAt: String });

/** How long an Idempotency-Key is remembered (then DynamoDB's TTL deletes its marker). */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 7 * 86_400;

export interface Authorization {
  id: string;
  enterpriseOrgId: string;
  bankId: string;
  bankName: string;
  grantedBy: string;
  grantedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export interface HistoryEntry {
  status: ApplicationStatus;
  at: string;
  byUserId: string;
  byRole: 'enterprise' | 'bank';
  byName: string;
  reason?: string;
}

export interface Application {
  id: string;
  orgId: string;
  enterpriseName: string;
  uscc: string;
  productId: string;
  productName: string;
  bankId: string;
  bankName: string;
  amount: number;
  termMonths: number;
  purpose: string;
  status: ApplicationStatus;
  version: number;
  submittedAt: string;
  deadline: string;
  decisionReason?: string;
  disbursedAmount?: number;
  history: HistoryEntry[];
}

type Doc = Record<string, any>;

const toAuthorization = (d: Doc): Authorization => ({
  id: d.authorizationId,
  enterpriseOrgId: d.enterpriseOrgId,
  bankId: d.bankId,
  bankName: d.bankName,
  grantedBy: d.grantedBy,
  grantedAt: d.grantedAt,
  expiresAt: d.expiresAt,
  ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
});

function applicationItem(a: Application): Doc {
  return {
    ...keys.application(a.id),
    ...keys.enterpriseApplicationIndex(a.orgId, a.submittedAt, a.id),
    ...keys.bankApplicationIndex(a.bankId, a.submittedAt, a.id),
    entity: 'LoanApplication',
    applicationId: a.id,
    status: a.status,
    version: a.version,
    dataJson: JSON.stringify(a),
  };
}

const toApplication = (d: Doc): Application => JSON.parse(d.dataJson) as Application;

export type SubmitOutcome = { ok: true } | { ok: false; reason: 'key-used' | 'conflict' };

export class LoansRepository {
  constructor(private readonly tableName: string) {}

  // ---- products (hot reads, the marketplace and every eligibility check: straight through the SDK)
  async listProducts(): Promise<LoanProduct[]> {
    const { pk, skPrefix } = keys.loanProductsPrefix();
    const items = await queryPlainItems(this.tableName, pk, skPrefix);
    return items.map((d) => JSON.parse(d.dataJson) as LoanProduct);
  }

  async getProduct(id: string): Promise<LoanProduct | null> {
    const item = await getPlainItem(this.tableName, keys.loanProduct(id));
    return item ? (JSON.parse(item.dataJson) as LoanProduct) : null;
  }

  /** Create (expected null) or replace over the version the editor saw. */
  async saveProduct(p: LoanProduct, expectedUpdatedAt: string | null): Promise<boolean> {
    const condition = expectedUpdatedAt === null ? new dynamoose.Condition('pk').not().exists() : new dynamoose.Condition('updatedAt').eq(expectedUpdatedAt);
    try {
      await ProductModel.create(
        { ...keys.loanProduct(p.id), entity: 'LoanProduct', productId: p.id, bankId: p.bankId, dataJson: JSON.stringify(p), updatedAt: p.updatedAt },
        { overwrite: true, condition },
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * A bank's suspension moves its products out of the marketplace (and back on resuming): each
   * product is rewritten over the version read, retried when a bank edit raced in.
   */
  async setBankSuspended(bankId: string, suspended: boolean, at: string): Promise<void> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const pending = (await this.listProducts()).filter((p) => p.bankId === bankId && (p.bankSuspended === true) !== suspended);
      if (pending.length === 0) return;
      for (const p of pending) {
        const { bankSuspended: _was, ...rest } = p;
        await this.saveProduct({ ...rest, ...(suspended ? { bankSuspended: true } : {}), updatedAt: at > p.updatedAt ? at : p.updatedAt }, p.updatedAt);
      }
    }
    throw new Error(`products of ${bankId} kept changing while (un)suspending the bank`);
  }

  // ---- authorisations
  async createAuthorization(a: Authorization): Promise<void> {
    await AuthorizationModel.create(
      { ...keys.authorization(a.enterpriseOrgId, a.id), ...keys.authorizationByIdIndex(a.id), entity: 'BankAuthorization', authorizationId: a.id, enterpriseOrgId: a.enterpriseOrgId, bankId: a.bankId, bankName: a.bankName, grantedBy: a.grantedBy, grantedAt: a.grantedAt, expiresAt: a.expiresAt },
      { overwrite: false },
    );
  }

  async listAuthorizations(enterpriseOrgId: string): Promise<Authorization[]> {
    const { pk, skPrefix } = keys.authorizationsPrefix(enterpriseOrgId);
    const docs = await AuthorizationModel.query('pk').eq(pk).where('sk').beginsWith(skPrefix).consistent().all().exec();
    return docs.map((d) => toAuthorization(d.toJSON())).sort((a, b) => (a.grantedAt < b.grantedAt ? 1 : -1));
  }

  /** Revokes the enterprise's own authorisation; false when it is not theirs or already revoked. */
  async revokeAuthorization(enterpriseOrgId: string, id: string, at: string): Promise<boolean> {
    try {
      await AuthorizationModel.update(keys.authorization(enterpriseOrgId, id), { revokedAt: at }, {
        condition: new dynamoose.Condition('pk').exists().and().where('revokedAt').not().exists(),
      });
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  // ---- applications
  /**
   * Stores a new application together with its Idempotency-Key marker, in one transaction: the
   * marker exists only if absent (or expired: its TTL passed and DynamoDB has not deleted it yet),
   * so one key can make exactly one application however many identical requests arrive at once.
   * The marker expires IDEMPOTENCY_KEY_TTL_SECONDS after the application.
   */
  async submitApplication(a: Application, idempotency: { key: string; bodyHash: string }): Promise<SubmitOutcome> {
    const at = Math.floor(Date.parse(a.submittedAt) / 1000);
    try {
      await dynamoose.transaction([
        IdempotencyModel.transaction.create(
          { ...keys.idempotencyKey(a.orgId, idempotency.key), entity: 'IdempotencyKey', applicationId: a.id, bodyHash: idempotency.bodyHash, createdAt: a.submittedAt, ttl: at + IDEMPOTENCY_KEY_TTL_SECONDS },
          { overwrite: true, condition: new dynamoose.Condition('pk').not().exists().or().where('ttl').lt(at) },
        ),
        ApplicationModel.transaction.create(applicationItem(a), { overwrite: false }),
      ]);
      return { ok: true };
    } catch (e) {
      if (e instanceof TransactionCanceledException) {
        if (e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return { ok: false, reason: 'key-used' };
        if (isTransactionConflict(e)) return { ok: false, reason: 'conflict' };
      }
      throw e;
    }
  }

  /**
   * A key's marker as of `at` (epoch seconds): one whose TTL has passed counts as absent, even
   * while DynamoDB has not deleted it yet (it deletes expired items within days, not at once).
   */
  async getIdempotencyKey(orgId: string, key: string, at: number): Promise<{ applicationId: string; bodyHash: string } | null> {
    const d = await getPlainItem(this.tableName, keys.idempotencyKey(orgId, key), true);
    if (!d || (typeof d.ttl === 'number' && d.ttl < at)) return null;
    return { applicationId: d.applicationId, bodyHash: d.bodyHash };
  }

  async getApplication(id: string): Promise<Application | null> {
    const doc = await ApplicationModel.get(keys.application(id), { consistent: true });
    return doc ? toApplication(doc.toJSON()) : null;
  }

  /**
   * Moves an application to its next state, only if it is still in the state it was read in
   * (its version): of two racing decisions exactly one wins. An optional access-log entry is
   * written in the same transaction.
   */
  async transition(next: Application, expectedVersion: number, access?: AccessEntry): Promise<boolean> {
    const ops: unknown[] = [
      ApplicationModel.transaction.create(applicationItem(next), { overwrite: true, condition: new dynamoose.Condition('version').eq(expectedVersion) }),
    ];
    if (access) ops.push(AccessLogModel.transaction.create(accessLogItem(access), { overwrite: false }));
    try {
      await dynamoose.transaction(ops as Parameters<typeof dynamoose.transaction>[0]);
      return true;
    } catch (e) {
      if (isConditionalFailure(e) || isTransactionConflict(e)) return false;
      throw e;
    }
  }

  async listByEnterprise(orgId: string, limit: number, after?: Record<string, string>): Promise<{ items: Application[]; last?: Record<string, string> }> {
    let q = ApplicationModel.query('gsi1pk').eq(`ENTAPP#${orgId}`).using('GSI1').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => toApplication(d.toJSON())), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  async listByBank(bankId: string, limit: number, after?: Record<string, string>): Promise<{ items: Application[]; last?: Record<string, string> }> {
    let q = ApplicationModel.query('gsi2pk').eq(`BANKAPP#${bankId}`).using('GSI2').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => toApplication(d.toJSON())), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  /** Writes an access-log entry on its own (reads that are not part of a state change). */
  async logAccess(access: AccessEntry): Promise<void> {
    await AccessLogModel.create(accessLogItem(access), { overwrite: false });
  }
}
