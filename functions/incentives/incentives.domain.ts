/**
 * 信易+ scenarios and who may use them (pure). A scenario is used by showing a pass at one of its
 * merchants; eligibility is decided here from the resident's standing and usage, and decided
 * again at redemption because points can change after a pass was shown.
 */
export const CATEGORIES = [
  { code: 'read', label: '信易阅' },
  { code: 'travel', label: '信易游' },
  { code: 'transit', label: '信易行' },
  { code: 'medical', label: '信易医' },
  { code: 'rent', label: '信易租' },
  { code: 'shop', label: '信易购' },
] as const;

export type CategoryCode = (typeof CATEGORIES)[number]['code'];
export type QuotaPeriod = 'day' | 'month';

export interface Incentive {
  id: string;
  category: CategoryCode;
  title: string;
  benefit: string;
  description: string;
  minPoints: number;
  quota: { count: number; period: QuotaPeriod };
  /** Total redemptions available over the scenario's life; absent means unlimited. */
  totalStock?: number;
  validFrom: string;
  validUntil: string;
  /** The scenario honours the joint punishment measures list (restricted residents cannot use it). */
  excludeSerious: boolean;
  merchants: Array<{ id: string; name: string }>;
  active: boolean;
  updatedAt: string;
}

export interface ResidentStanding {
  verified: boolean;
  /** Verified, but consent to process their data is withdrawn: nothing is computed. */
  consentWithdrawn?: boolean;
  points: number;
  /** Reasons from listed joint punishment measures that restrict 信易+ for this resident now. */
  restrictions: string[];
}

export interface Usage {
  /** Redemptions of this resident in the current quota period. */
  usedInPeriod: number;
  /** Redemptions of everyone so far (only meaningful with a total stock). */
  stockUsed: number;
}

export interface Eligibility {
  eligible: boolean;
  reasons: string[];
  /** What is left of the resident's quota in this period (0 when none). */
  remainingQuota: number;
}

const CST = 8 * 3600 * 1000;

/** The quota period a moment falls in, in China Standard Time: `D2026-11-27` or `M2026-11`. */
export function periodKey(period: QuotaPeriod, at: Date): string {
  const local = new Date(at.getTime() + CST).toISOString();
  return period === 'day' ? `D${local.slice(0, 10)}` : `M${local.slice(0, 7)}`;
}

/** The end of the quota period (epoch seconds), after which its counter is no longer needed. */
export function periodEnd(period: QuotaPeriod, at: Date): number {
  const local = new Date(at.getTime() + CST);
  const end =
    period === 'day'
      ? Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1)
      : Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
  return Math.floor((end - CST) / 1000);
}

export function checkEligibility(standing: ResidentStanding, incentive: Incentive, usage: Usage, now: Date): Eligibility {
  const reasons: string[] = [];
  const t = now.getTime();
  if (!incentive.active) reasons.push('该场景已暂停');
  if (t < new Date(incentive.validFrom).getTime()) reasons.push('活动尚未开始');
  if (t >= new Date(incentive.validUntil).getTime()) reasons.push('活动已结束');
  if (standing.consentWithdrawn) reasons.push('已撤回个人信息处理授权，重新授权后可用');
  else if (!standing.verified) reasons.push('请先完成实名认证');
  else {
    if (standing.points < incentive.minPoints) reasons.push(`还差 ${incentive.minPoints - standing.points} 分`);
    if (incentive.excludeSerious) reasons.push(...standing.restrictions);
  }
  const remainingQuota = Math.max(0, incentive.quota.count - usage.usedInPeriod);
  if (remainingQuota === 0) reasons.push(incentive.quota.period === 'day' ? '今日次数已用完' : '本月次数已用完');
  if (incentive.totalStock !== undefined && usage.stockUsed >= incentive.totalStock) reasons.push('名额已领完');
  return { eligible: reasons.length === 0, reasons, remainingQuota };
}
