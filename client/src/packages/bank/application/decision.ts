import { yuan } from '../../../services/loans-format';

export const REASON_MIN = 4;

/** A rejection must say why (the business is told): at least 4 characters. */
export function rejectReasonError(value: string): string | null {
  const n = value.trim().length;
  if (n === 0) return '请填写拒绝理由，企业会看到这条理由';
  if (n < REASON_MIN) return `拒绝理由至少 ${REASON_MIN} 个字`;
  return null;
}

/** An approval note is optional; when given it is kept short. */
export function approveNoteError(value: string): string | null {
  return value.trim().length > 300 ? '审批意见不能超过 300 个字' : null;
}

/** The disbursed amount: whole yuan, more than 0 and no more than applied for. */
export function disbursementError(value: string, applied: number): string | null {
  const t = value.replace(/[,，\s]/g, '');
  if (t === '') return '请输入放款金额';
  if (!/^\d{1,12}$/.test(t) || Number(t) === 0) return '请输入大于 0 的整数金额（元）';
  if (Number(t) > applied) return `放款金额不能超过申请金额 ${yuan(applied)}`;
  return null;
}
