import type { FieldMessage } from '../../../components/loans/field';
import type { ProductView } from '../../../services/loans-api';
import { amountRange, groupDigits, money, termRange } from '../../../services/loans-format';

type Ranges = Pick<ProductView, 'minAmount' | 'maxAmount' | 'minTermMonths' | 'maxTermMonths'>;

/** A whole number typed by a person (`500000`, `500,000`), or null when it is not one. */
export function wholeNumber(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  if (!/^\d{1,12}$/.test(t)) return null;
  return Number(t);
}

/** The amount as it is typed: the product's range until something is typed, then in range or not. */
export function amountMessage(text: string, p: Ranges): FieldMessage {
  const range = `可申请 ${amountRange(p.minAmount, p.maxAmount)}`;
  if (text.trim() === '') return { tone: 'info', text: range };
  const n = wholeNumber(text);
  if (n === null) return { tone: 'error', text: '请输入整数金额，单位为元' };
  if (n < p.minAmount || n > p.maxAmount) {
    return { tone: 'error', text: `申请金额应在 ${groupDigits(p.minAmount)}–${groupDigits(p.maxAmount)} 元之间（${amountRange(p.minAmount, p.maxAmount)}）` };
  }
  return { tone: 'ok', text: `即 ${money(n)}` };
}

export function termMessage(text: string, p: Ranges): FieldMessage {
  const range = `可选 ${termRange(p.minTermMonths, p.maxTermMonths)}`;
  if (text.trim() === '') return { tone: 'info', text: range };
  const n = wholeNumber(text);
  if (n === null) return { tone: 'error', text: '请输入整数月数' };
  if (n < p.minTermMonths || n > p.maxTermMonths) return { tone: 'error', text: `期限应在 ${termRange(p.minTermMonths, p.maxTermMonths)}之间` };
  return { tone: 'ok', text: n % 12 === 0 ? `即 ${n / 12} 年` : `${n} 个月` };
}

export const AUTHORISATION_NOTICE = '提交申请即视为授权该银行在申请处理期间查询本企业信用报告';

export const PURPOSE_MIN = 4;
export const PURPOSE_MAX = 200;

export function purposeError(text: string): string | null {
  const n = text.trim().length;
  if (n === 0) return '请填写贷款用途';
  if (n < PURPOSE_MIN) return `请说明贷款用途（至少 ${PURPOSE_MIN} 个字）`;
  if (n > PURPOSE_MAX) return `贷款用途不能超过 ${PURPOSE_MAX} 个字`;
  return null;
}

export interface ApplyErrors {
  amount?: string;
  termMonths?: string;
  purpose?: string;
}

/** Everything that stops a submission, by field; empty when the form may be sent. */
export function validateApplication(form: { amount: string; termMonths: string; purpose: string }, p: Ranges): ApplyErrors {
  const out: ApplyErrors = {};
  const amount = form.amount.trim() === '' ? { tone: 'error', text: '请输入申请金额' } : amountMessage(form.amount, p);
  if (amount.tone === 'error') out.amount = amount.text;
  const term = form.termMonths.trim() === '' ? { tone: 'error', text: '请输入贷款期限' } : termMessage(form.termMonths, p);
  if (term.tone === 'error') out.termMonths = term.text;
  const purpose = purposeError(form.purpose);
  if (purpose) out.purpose = purpose;
  return out;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh Idempotency-Key (the server accepts 8–64 of [A-Za-z0-9_-]): the time plus 16 random
 * characters. One per form: a retry or a second tap must send the same key again.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 16; i++) tail += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return `la-${now.toString(36)}-${tail}`;
}
