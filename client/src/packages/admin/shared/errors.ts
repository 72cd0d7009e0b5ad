import { isApiError } from '../../../services/api';

interface Detail {
  field?: unknown;
  message?: unknown;
}

/** An API error in one readable line: its message, plus the per-field messages of a 400. */
export function problemText(error: unknown): string {
  if (!isApiError(error)) return '操作失败，请稍后重试';
  const details = Array.isArray(error.details) ? (error.details as Detail[]) : [];
  const lines = details
    .map((d) => (typeof d.message === 'string' ? (typeof d.field === 'string' && d.field ? `${d.field}：${d.message}` : d.message) : null))
    .filter((x): x is string => x !== null);
  return lines.length > 0 ? `${error.message}（${lines.slice(0, 5).join('；')}）` : error.message;
}
