import { parseDisclosureCsv } from '../../../../../functions/disclosures/disclosure-csv';
import type { DisclosuresResult } from '../../../services/disclosures-api';
import { reasonText } from '../shared/codes';
import type { LineResult } from '../shared/upload-run';

export interface FileItem {
  line: number;
  item: Record<string, unknown>;
}

export { parseDisclosureCsv };

/**
 * One result per line of a call. The API lists rejections and late ones by index and counts the
 * rest; a line is 已接收 or 重复 for certain when the counts leave no doubt (all accepted, or none),
 * and 「已接收或重复」 otherwise. A late decision says so in its reason.
 */
export function resultsOfCall(items: readonly FileItem[], answer: DisclosuresResult): LineResult[] {
  const rejected = new Map(answer.rejected.map((r) => [r.index, r]));
  const late = new Set(answer.late);
  const standing = items.length - rejected.size;
  const status = answer.accepted === standing ? 'accepted' : answer.accepted === 0 ? 'duplicate' : 'unresolved';
  return items.map((f, index) => {
    const base = { line: f.line, sourceId: typeof f.item.sourceId === 'string' ? f.item.sourceId : undefined, subjectMasked: typeof f.item.uscc === 'string' ? f.item.uscc : '—' };
    const r = rejected.get(index);
    if (r) return { ...base, status: 'rejected' as const, code: r.code, reason: reasonText(r.code, r.message) };
    return { ...base, status, ...(late.has(index) ? { reason: '迟报：决定作出后超过 7 个工作日报送' } : {}) };
  });
}
