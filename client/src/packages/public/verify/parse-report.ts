export interface PastedReport {
  report: Record<string, unknown>;
  signature: string;
}

/**
 * The pasted text as `{report, signature}` (what 复制报告 produces), or a message saying what is
 * wrong with it. Nothing is changed: the report goes back to the server exactly as pasted.
 */
export function parsePastedReport(text: string): { ok: true; value: PastedReport } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: '请先粘贴报告内容' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ok: false, message: '内容不完整或格式不对：请粘贴「复制报告」得到的全部文字' };
  }
  const o = parsed as { report?: unknown; signature?: unknown } | null;
  if (!o || typeof o !== 'object' || Array.isArray(o) || !o.report || typeof o.report !== 'object' || Array.isArray(o.report)) {
    return { ok: false, message: '没有找到报告正文（report）' };
  }
  if (typeof o.signature !== 'string' || o.signature === '') return { ok: false, message: '没有找到报告签名（signature）' };
  return { ok: true, value: { report: o.report as Record<string, unknown>, signature: o.signature } };
}
