/**
 * Sending a parsed file in calls of at most 500 records, and turning each call's answer into one
 * result per line.
 *
 * The API answers a call with counts (`accepted`, `duplicates`) and the rejected records by index;
 * it does not say which of the others were duplicates. A line is known to be a duplicate when its
 * sourceId already went through earlier in the same upload (in this call or a previous one); the
 * rest are resolved from the counts when they leave no doubt (no unexplained duplicates: all
 * accepted; nothing accepted: all duplicates), and are otherwise marked 「已接收或重复」.
 */
import { MAX_RECORDS_PER_CALL, type CreditRecordsResult, type RawRecord } from '../../../services/department-api';
import { reasonText } from './codes';
import type { FileRecord, LineProblem } from './records-file';
import { maskSubject } from './subject';

export type LineStatus = 'accepted' | 'duplicate' | 'rejected' | 'unresolved';

export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  accepted: '已接收',
  duplicate: '重复',
  rejected: '被拒绝',
  unresolved: '已接收或重复',
};

export interface LineResult {
  line: number;
  sourceId?: string;
  /** Never the full identifier. */
  subjectMasked: string;
  status: LineStatus;
  code?: string;
  reason?: string;
}

export interface UploadTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Consecutive slices of at most `size` items. */
export function chunk<T>(items: readonly T[], size = MAX_RECORDS_PER_CALL): T[][] {
  const n = Math.max(1, Math.min(size, MAX_RECORDS_PER_CALL));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

const sourceIdOf = (r: FileRecord) => (typeof r.record.sourceId === 'string' ? r.record.sourceId : undefined);

/**
 * The result of each line of one call. `known` holds the sourceIds that earlier calls of this
 * upload got through (accepted or duplicate); the ones of this call are added to it.
 */
export function resultsOfCall(records: readonly FileRecord[], answer: CreditRecordsResult, known: Set<string>): LineResult[] {
  const rejected = new Map(answer.rejected.map((r) => [r.index, r]));
  const seen = new Set<string>();
  let certainDuplicates = 0;
  const results: LineResult[] = records.map((r, index) => {
    const base = { line: r.line, sourceId: sourceIdOf(r), subjectMasked: maskSubject(r.record.subjectType, r.record.subjectId) };
    const rejection = rejected.get(index);
    if (rejection) return { ...base, status: 'rejected', code: rejection.code, reason: reasonText(rejection.code, rejection.message) };
    const sid = base.sourceId ?? '';
    if (seen.has(sid) || known.has(sid)) {
      certainDuplicates++;
      return { ...base, status: 'duplicate', reason: seen.has(sid) ? '与本文件中前面一行的来源编号相同' : '该来源编号已报送过' };
    }
    seen.add(sid);
    return { ...base, status: 'unresolved' };
  });
  const open = results.filter((r) => r.status === 'unresolved');
  const unexplained = answer.duplicates - certainDuplicates;
  const resolved: LineStatus | null = unexplained <= 0 ? 'accepted' : unexplained >= open.length ? 'duplicate' : null;
  if (resolved) {
    for (const r of open) {
      r.status = resolved;
      if (resolved === 'duplicate') r.reason = '该来源编号已报送过';
    }
  }
  seen.forEach((sid) => known.add(sid));
  return results;
}

/** A line the file could not give as a record: rejected before sending. */
export const problemResult = (p: LineProblem): LineResult => ({
  line: p.line,
  sourceId: p.sourceId,
  subjectMasked: '—',
  status: 'rejected',
  code: 'UNPARSABLE_LINE',
  reason: p.message,
});

export interface SendOptions {
  /** The file's records cut into calls. */
  calls: readonly (readonly FileRecord[])[];
  /** The first call to send (0, or where an interrupted upload stopped). */
  from: number;
  known: Set<string>;
  send: (records: RawRecord[]) => Promise<CreditRecordsResult>;
  /** After each answered call, with its index, its lines' results and the API's counts. */
  onCall: (index: number, results: LineResult[], answer: CreditRecordsResult) => void;
  /** Checked before each call: the clerk pressed 暂停. */
  shouldStop?: () => boolean;
}

export interface SendOutcome {
  /** The first call not yet answered (`calls.length` when all are done). */
  next: number;
  stopped: boolean;
  error?: unknown;
}

/**
 * Sends the calls one after another from `from`, stopping at the first failure (the same call can
 * be sent again later: a record that did get through comes back as a duplicate).
 */
export async function sendCalls({ calls, from, known, send, onCall, shouldStop }: SendOptions): Promise<SendOutcome> {
  for (let i = from; i < calls.length; i++) {
    if (shouldStop?.()) return { next: i, stopped: true };
    let answer: CreditRecordsResult;
    try {
      answer = await send(calls[i].map((r) => r.record));
    } catch (error) {
      return { next: i, stopped: false, error };
    }
    onCall(i, resultsOfCall(calls[i], answer, known), answer);
  }
  return { next: calls.length, stopped: false };
}
