/**
 * How 信易贷 numbers and states read on screen: money (「50 万元」/「500,000 元」), rates
 * (「3.45%–4.35%」), terms, deadlines and statuses. Pure functions, shared by the 信易贷 tab and
 * the enterprise and bank subpackages.
 */
import type { ApplicationStatus, ApplicationView, AuthorizationView, ProductCriteria } from './loans-api';
import { chinaDate } from './time';

const WAN = 10_000;
const DAY_MS = 86_400_000;

/** `500000` → `500,000`. */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** `500000` → `500,000 元`: the exact amount, for forms and records. */
export const yuan = (n: number) => `${groupDigits(n)} 元`;

/** A number of 万 without needless decimals: `50`, `12.5`, `0.35`. */
function wanNumber(n: number): string {
  return String(Math.round((n / WAN) * 100) / 100);
}

/** `500000` → `50 万元`; below 1 万 the exact yuan (`5,000 元`). */
export function money(n: number): string {
  if (Math.abs(n) < WAN) return yuan(n);
  return `${groupDigits(Number(wanNumber(n)))} 万元`;
}

/** `100000, 3000000` → `10 万–300 万元`. */
export function amountRange(min: number, max: number): string {
  if (min === max) return money(min);
  if (min >= WAN && max >= WAN) return `${groupDigits(Number(wanNumber(min)))} 万–${groupDigits(Number(wanNumber(max)))} 万元`;
  return `${money(min)}–${money(max)}`;
}

/** `3.45` → `3.45%`. */
export const rate = (n: number) => `${n.toFixed(2)}%`;

/** `3.45, 4.35` → `3.45%–4.35%`. */
export const rateRange = (min: number, max: number) => (min === max ? rate(min) : `${rate(min)}–${rate(max)}`);

/** `6, 36` → `6–36 个月`. */
export const termRange = (min: number, max: number) => (min === max ? `${min} 个月` : `${min}–${max} 个月`);

/**
 * The last day the bank may answer on, in China time. The server's deadline is 24:00 of the
 * tenth working day, which is 00:00 of the next day: a person reads 「3 月 13 日前」 as "by the
 * 13th", so the day shown is the one that ends at the deadline.
 */
export function deadlineDay(deadlineIso: string): string {
  const t = new Date(deadlineIso).getTime();
  return Number.isNaN(t) ? deadlineIso : chinaDate(new Date(t - 1).toISOString());
}

/** 「银行应于 YYYY-MM-DD 前答复」. */
export const deadlineText = (deadlineIso: string) => `银行应于 ${deadlineDay(deadlineIso)} 前答复`;

export const OPEN_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

export const isOpen = (a: Pick<ApplicationView, 'status'>) => OPEN_STATUSES.includes(a.status);

/** How close an open application is to its deadline: a bank should answer these first. */
export const DUE_SOON_MS = 2 * DAY_MS;

export function isDueSoon(a: Pick<ApplicationView, 'status' | 'deadline' | 'overdue'>, now: Date): boolean {
  if (!isOpen(a) || a.overdue) return false;
  return new Date(a.deadline).getTime() - now.getTime() <= DUE_SOON_MS;
}

/** 「剩 3 天」, 「今日到期」, 「已超期 2 天」 for an open application; '' once it is decided. */
export function timeLeft(a: Pick<ApplicationView, 'status' | 'deadline' | 'overdue'>, now: Date): string {
  if (!isOpen(a)) return '';
  const ms = new Date(a.deadline).getTime() - now.getTime();
  if (a.overdue || ms < 0) return `已超期 ${Math.max(1, Math.ceil(-ms / DAY_MS))} 天`;
  const days = Math.floor(ms / DAY_MS);
  return days === 0 ? '今日到期' : `剩 ${days} 天`;
}

export type Tone = 'info' | 'primary' | 'success' | 'danger' | 'muted' | 'warning';

export const STATUS_TONES: Record<ApplicationStatus, Tone> = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'primary',
  APPROVED: 'success',
  DISBURSED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'muted',
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  SUBMITTED: '已提交',
  UNDER_REVIEW: '审批中',
  APPROVED: '已批准',
  REJECTED: '已拒绝',
  DISBURSED: '已放款',
  WITHDRAWN: '已撤回',
};

export const AUTHORIZATION_LABELS: Record<AuthorizationView['status'], string> = {
  active: '生效中',
  expired: '已到期',
  revoked: '已撤销',
};

export const ROLE_NAMES: Record<string, string> = {
  enterprise: '企业',
  bank: '银行',
  admin: '信用中心',
  system: '系统',
};

const atLeast = (grade: string, best: string) => (grade === best ? `${grade} 级` : `${grade} 级及以上`);

/** A product's criteria in words, for a catalogue that is not checked against a business. */
export function criteriaLines(c: ProductCriteria): string[] {
  const lines = [`公共信用综合评价 ${atLeast(c.minGrade, 'A')}`];
  if (c.noSeriousDishonesty) lines.push('无公示中的严重失信记录');
  lines.push(c.maxPenalties12m === 0 ? '近 12 个月无行政处罚' : `近 12 个月行政处罚不超过 ${c.maxPenalties12m} 次`);
  if (c.minYearsOperating > 0) lines.push(`经营满 ${c.minYearsOperating} 年`);
  lines.push(`纳税信用 ${atLeast(c.minTaxGrade, 'A')}`);
  return lines;
}

/** What the grades mean (公共信用综合评价), one line each. */
export const GRADE_LABELS: Record<'A' | 'B' | 'C' | 'D', string> = {
  A: '诚信',
  B: '基本诚信',
  C: '失信',
  D: '严重失信',
};
