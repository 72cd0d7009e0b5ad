import { randomInt } from 'node:crypto';
import { BatchGetItemCommand, PutItemCommand, TransactionCanceledException, TransactWriteItemsCommand, UpdateItemCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys, STOCK_SHARDS } from '../shared/db/keys';
import { batchGetPlainItems, counterIncrement, createOnlyPut, defineModel, getPlainItem, isConditionalFailure, isTransactionConflict, queryPlainItems } from '../shared/db/models';
import type { Incentive } from './incentives.domain';
import { passIssuedAt } from './pass-codec';

const IncentiveModel = defineModel('Incentive', { incentiveId: String, dataJson: String, updatedAt: String });
// Passes (PASS#<id>: passId, incentiveId, residentUserId, expiresAt, issuedAt, and refusalJson
// after a refused scan) are written and read through the SDK only; a pass is used once its
// redemption exists (keys.residentRedemption).
const RedemptionModel = defineModel('Redemption', {
  redemptionId: String,
  incentiveId: String,
  incentiveTitle: String,
  benefit: String,
  orgId: String,
  orgName: String,
  merchantUserId: String,
  residentUserId: String,
  maskedName: String,
  redeemedAt: String,
  passId: String,
});

export interface PassRecord {
  passId: string;
  incentiveId: string;
  residentUserId: string;
  /** The resident's credit subject when the pass was issued: a redemption reads it beside the account. */
  residentSubjectKey?: string;
  expiresAt: number;
  issuedAt: string;
  /** The last refused scan of the pass: for its owner's eyes only (a redemption, once there, tells the pass's story). */
  refusal?: PassRefusal;
}

export interface PassRefusal {
  code: string;
  /** Why, in Chinese, as the resident's own incentive page words it. */
  reasons: string[];
  at: string;
  merchantName: string;
}

export interface Redemption {
  id: string;
  incentiveId: string;
  incentiveTitle: string;
  benefit: string;
  orgId: string;
  orgName: string;
  merchantUserId: string;
  residentUserId: string;
  maskedName: string;
  redeemedAt: string;
  passId: string;
}

type Doc = Record<string, any>;

/** Stock per shard before another shard is added (up to STOCK_SHARDS): a small stock stays one item to read. */
export const STOCK_PER_SHARD = 25;

/** How many shards a stock is spread over. */
export const stockShardCount = (stock: number) => Math.min(STOCK_SHARDS, Math.max(1, Math.ceil(stock / STOCK_PER_SHARD)));

/** The stock each shard holds: the stock split as evenly as it goes over stockShardCount shards. */
export function stockShares(stock: number): number[] {
  const n = stockShardCount(stock);
  return Array.from({ length: n }, (_, i) => Math.floor(stock / n) + (i < stock % n ? 1 : 0));
}

/** The shards' keys: of a stock of this size (or, when the caller does not know it, all STOCK_SHARDS). */
const stockShardKeys = (incentiveId: string, stock?: number) => Array.from({ length: stock === undefined ? STOCK_SHARDS : stockShardCount(stock) }, (_, i) => keys.incentiveStockShard(incentiveId, i));

const toPass = (d: Doc): PassRecord => ({
  passId: d.passId,
  incentiveId: d.incentiveId,
  residentUserId: d.residentUserId,
  ...(d.residentSubjectKey ? { residentSubjectKey: d.residentSubjectKey } : {}),
  expiresAt: d.expiresAt,
  issuedAt: d.issuedAt,
  ...(d.refusalJson ? { refusal: JSON.parse(d.refusalJson) as PassRefusal } : {}),
});

const toRedemption = (d: Doc): Redemption => ({
  id: d.redemptionId,
  incentiveId: d.incentiveId,
  incentiveTitle: d.incentiveTitle,
  benefit: d.benefit,
  orgId: d.orgId,
  orgName: d.orgName,
  merchantUserId: d.merchantUserId,
  residentUserId: d.residentUserId,
  maskedName: d.maskedName,
  redeemedAt: d.redeemedAt,
  passId: d.passId,
});

export type RedeemOutcome = { ok: true } | { ok: false; reason: 'used' | 'quota' | 'stock' | 'conflict' };

export class IncentivesRepository {
  constructor(private readonly tableName: string) {}

  async list(): Promise<Incentive[]> {
    const { pk, skPrefix } = keys.incentivesPrefix();
    return (await queryPlainItems(this.tableName, pk, skPrefix)).map((d) => JSON.parse(d.dataJson) as Incentive);
  }

  async get(id: string): Promise<Incentive | null> {
    const item = await getPlainItem(this.tableName, keys.incentive(id));
    return item ? (JSON.parse(item.dataJson) as Incentive) : null;
  }

  /**
   * Creates (expectedUpdatedAt null) or replaces a scenario. Replacing is guarded by the
   * version the editor saw, so two admins editing at once cannot silently overwrite each other.
   */
  async save(incentive: Incentive, expectedUpdatedAt: string | null): Promise<boolean> {
    const condition = expectedUpdatedAt === null
      ? new dynamoose.Condition('pk').not().exists()
      : new dynamoose.Condition('updatedAt').eq(expectedUpdatedAt);
    try {
      await IncentiveModel.create(
        { ...keys.incentive(incentive.id), entity: 'Incentive', incentiveId: incentive.id, dataJson: JSON.stringify(incentive), updatedAt: incentive.updatedAt },
        { overwrite: true, condition },
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * This resident's use in the current periods and the stock used (summed over its shards; pass
   * the total stock, or true when unknown: all STOCK_SHARDS are read), for many scenarios in one BatchGet.
   */
  async usage(userId: string, wanted: Array<{ incentiveId: string; period: string; stock: boolean | number | undefined }>): Promise<Map<string, { usedInPeriod: number; stockUsed: number }>> {
    const shardKeys = (w: (typeof wanted)[number]) => (w.stock === false || w.stock === undefined ? [] : stockShardKeys(w.incentiveId, w.stock === true ? undefined : w.stock));
    const keyList: Array<{ pk: string; sk: string }> = [];
    for (const w of wanted) {
      keyList.push(keys.incentiveQuota(w.incentiveId, userId, w.period));
      keyList.push(...shardKeys(w));
    }
    const found = new Map<string, number>();
    for (const j of await batchGetPlainItems(this.tableName, keyList)) found.set(`${j.pk}|${j.sk}`, j.used ?? 0);
    const result = new Map<string, { usedInPeriod: number; stockUsed: number }>();
    for (const w of wanted) {
      const q = keys.incentiveQuota(w.incentiveId, userId, w.period);
      const stockUsed = shardKeys(w).reduce((sum, s) => sum + (found.get(`${s.pk}|${s.sk}`) ?? 0), 0);
      result.set(w.incentiveId, { usedInPeriod: found.get(`${q.pk}|${q.sk}`) ?? 0, stockUsed });
    }
    return result;
  }

  /** The stock used on each shard, read strongly consistently (a redemption whose shard ran out looks for another). */
  private async stockShardsUsed(incentiveId: string, stock: number): Promise<number[]> {
    const shardKeys = stockShardKeys(incentiveId, stock);
    const out = await dynamoose.aws.ddb().send(
      new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: shardKeys.map((k) => marshall(k)), ConsistentRead: true } } }),
    );
    const used = new Map((out.Responses?.[this.tableName] ?? []).map((raw) => unmarshall(raw)).map((i) => [i.pk as string, (i.used as number) ?? 0]));
    if (Object.keys(out.UnprocessedKeys ?? {}).length > 0) throw new Error('stock shards not read');
    return shardKeys.map((k) => used.get(k.pk) ?? 0);
  }

  /** A new pass (one PutItem through the SDK, on every QR the resident shows); never overwrites. */
  async createPass(p: PassRecord): Promise<void> {
    const item = { ...keys.pass(p.passId), entity: 'Pass', passId: p.passId, incentiveId: p.incentiveId, residentUserId: p.residentUserId, ...(p.residentSubjectKey ? { residentSubjectKey: p.residentSubjectKey } : {}), expiresAt: p.expiresAt, issuedAt: p.issuedAt, ttl: p.expiresAt + 7 * 86400 };
    await dynamoose.aws.ddb().send(new PutItemCommand(createOnlyPut(this.tableName, item)));
  }

  async getPass(passId: string): Promise<PassRecord | null> {
    const d = await getPlainItem(this.tableName, keys.pass(passId), true);
    return d ? toPass(d) : null;
  }

  /** A resident's pass and its redemption, if any, in one consistent BatchGetItem (the pass screen's poll). */
  async passWithRedemption(passId: string, userId: string): Promise<{ pass: PassRecord | null; redemption: Redemption | null }> {
    const redemptionKey = keys.residentRedemption(userId, passId, passIssuedAt(passId));
    const found = await batchGetPlainItems(this.tableName, [keys.pass(passId), redemptionKey], true);
    const pass = found.find((i) => i.pk === keys.pass(passId).pk);
    const redemption = found.find((i) => i.pk === redemptionKey.pk);
    return { pass: pass ? toPass(pass) : null, redemption: redemption ? toRedemption(redemption) : null };
  }

  /**
   * What a redemption of this pass needs besides the pass: the pass's redemption if it exists
   * (used) and the resident's use of the scenario in this period, in one BatchGetItem.
   */
  async redemptionState(userId: string, passId: string, incentiveId: string, period: string): Promise<{ redemption: Redemption | null; usedInPeriod: number }> {
    const redemptionKey = keys.residentRedemption(userId, passId, passIssuedAt(passId));
    const quotaKey = keys.incentiveQuota(incentiveId, userId, period);
    const found = await batchGetPlainItems(this.tableName, [redemptionKey, quotaKey]);
    const redemption = found.find((i) => i.pk === redemptionKey.pk);
    return { redemption: redemption ? toRedemption(redemption) : null, usedInPeriod: (found.find((i) => i.pk === quotaKey.pk)?.used as number | undefined) ?? 0 };
  }

  /**
   * Notes a refused scan on the pass, so its owner's screen can say why (a redemption, if one won
   * meanwhile, stays the pass's story: the screen shows it first); false when the pass is gone.
   */
  async noteRefusal(passId: string, refusal: PassRefusal): Promise<boolean> {
    try {
      await dynamoose.aws.ddb().send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall(keys.pass(passId)),
          UpdateExpression: 'SET #refusal = :refusal',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#refusal': 'refusalJson' },
          ExpressionAttributeValues: marshall({ ':refusal': JSON.stringify(refusal) }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  /**
   * The redemption, all or nothing, in one transaction:
   * - the pass is marked used only if it was not used (single use under any concurrency);
   * - the resident's counter for this period is incremented only while below the quota;
   * - the scenario's stock, if it has one, on one of its shards (up to STOCK_SHARDS, one per
   *   STOCK_PER_SHARD of stock; each holds a fixed share, stockShares), only while that shard is below its share: the shards'
   *   shares add up to the stock, so it is never exceeded, and concurrent redemptions spread over
   *   as many items (and partitions) instead of queueing on one. A shard that ran out sends the
   *   redemption to a shard with stock left (read consistently); when none has any, the stock is gone;
   * - the redemption and the resident's access-log entry are written with it.
   */
  async redeem(r: Redemption, limits: { quota: number; quotaPeriod: string; quotaTtl: number; stock?: number }): Promise<RedeemOutcome> {
    if (limits.stock === undefined) return this.tryRedeem(r, limits, null);
    const shares = stockShares(limits.stock);
    let candidates = shares.flatMap((share, shard) => (share > 0 ? [shard] : []));
    for (let attempt = 0; candidates.length > 0 && attempt <= STOCK_SHARDS; attempt++) {
      const shard = candidates[randomInt(candidates.length)];
      const outcome = await this.tryRedeem(r, limits, { shard, share: shares[shard] });
      if (outcome.ok || outcome.reason !== 'stock') return outcome;
      const used = await this.stockShardsUsed(r.incentiveId, limits.stock);
      candidates = shares.flatMap((share, i) => (used[i] < share ? [i] : []));
    }
    return { ok: false, reason: 'stock' };
  }

  private async tryRedeem(r: Redemption, limits: { quota: number; quotaPeriod: string; quotaTtl: number }, stock: { shard: number; share: number } | null): Promise<RedeemOutcome> {
    // Written straight through the SDK: the hottest write of the product, and dynamoose's item
    // conversion of its six items was the largest CPU cost of a redemption in profiles.
    const TableName = this.tableName;
    const put = (item: Record<string, unknown>) => ({ Put: createOnlyPut(TableName, item) });
    const count = (k: { pk: string; sk: string }, below?: number, ttl?: number) => ({ Update: counterIncrement(TableName, k, { attribute: 'used', entity: 'UsageCounter', below, ttl }) });
    const items: TransactWriteItem[] = [
      // The pass's redemption, created only if the pass has none: single use under any concurrency.
      put({
        ...keys.residentRedemption(r.residentUserId, r.passId, passIssuedAt(r.passId)),
        ...keys.orgRedemptionIndex(r.orgId, r.redeemedAt, r.id),
        entity: 'Redemption',
        redemptionId: r.id,
        incentiveId: r.incentiveId,
        incentiveTitle: r.incentiveTitle,
        benefit: r.benefit,
        orgId: r.orgId,
        orgName: r.orgName,
        merchantUserId: r.merchantUserId,
        residentUserId: r.residentUserId,
        maskedName: r.maskedName,
        redeemedAt: r.redeemedAt,
        passId: r.passId,
      }),
      count(keys.incentiveQuota(r.incentiveId, r.residentUserId, limits.quotaPeriod), limits.quota, limits.quotaTtl),
    ];
    if (stock) items.push(count(keys.incentiveStockShard(r.incentiveId, stock.shard), stock.share));
    try {
      await dynamoose.aws.ddb().send(new TransactWriteItemsCommand({ TransactItems: items }));
      return { ok: true };
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const failed = (i: number) => e.CancellationReasons?.[i]?.Code === 'ConditionalCheckFailed';
      if (failed(0)) return { ok: false, reason: 'used' };
      if (failed(1)) return { ok: false, reason: 'quota' };
      if (stock && failed(2)) return { ok: false, reason: 'stock' };
      if (isTransactionConflict(e)) return { ok: false, reason: 'conflict' };
      throw e;
    }
  }

  /** A merchant's redemptions between two ISO moments, newest first, one page after `after` (an index key), on GSI1. */
  async listByOrg(orgId: string, range: { from: string; to: string }, limit: number, after?: Record<string, string>): Promise<{ items: Redemption[]; last?: Record<string, string> }> {
    const { gsi1pk } = keys.orgRedemptionIndex(orgId, '', '');
    let q = RedemptionModel.query('gsi1pk').eq(gsi1pk).where('gsi1sk').between(range.from || '0', `${range.to}\uffff`).using('GSI1').sort('descending').limit(limit);
    if (after) q = q.startAt(after);
    const docs = await q.exec();
    return { items: docs.map((d) => toRedemption(d.toJSON())), ...(docs.lastKey ? { last: docs.lastKey as Record<string, string> } : {}) };
  }

  async countByOrg(orgId: string, range: { from: string; to: string }): Promise<number> {
    const { gsi1pk } = keys.orgRedemptionIndex(orgId, '', '');
    const res = await RedemptionModel.query('gsi1pk').eq(gsi1pk).where('gsi1sk').between(range.from || '0', `${range.to}\uffff`).using('GSI1').count().all().exec();
    return (res as unknown as { count: number }).count;
  }

  /** A resident's redemptions, newest first (by the pass's issue time), one page after `after` (a sort key). */
  async listByResident(userId: string, limit: number, after?: string): Promise<{ items: Array<Redemption & { key: string }>; last?: string }> {
    const { pk, skPrefix } = keys.residentRedemptionsPrefix(userId);
    let q = RedemptionModel.query('pk').eq(pk).where('sk').beginsWith(skPrefix).sort('descending').limit(limit);
    if (after) q = q.startAt({ pk, sk: after });
    const docs = await q.exec();
    const last = docs.lastKey as { sk?: string } | undefined;
    return { items: docs.map((d) => ({ ...toRedemption(d.toJSON()), key: d.toJSON().sk as string })), ...(last?.sk ? { last: last.sk } : {}) };
  }
}
