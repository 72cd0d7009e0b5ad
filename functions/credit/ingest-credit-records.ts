import { randomUUID } from 'node:crypto';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { backoff } from '../shared/db/models';
import { mapLimit } from '../shared/domain/concurrency';
import { hashIdNumber } from '../shared/domain/id-hash';
import { maskIdNumber } from '../shared/domain/identifiers';
import { AppError } from '../shared/http/app-error';
import { MAX_EVENTS_PER_APPEND, type CreditRepository } from './credit.repository';
import { enterpriseSubjectKey, personSubjectKey, type CreditEvent } from './credit.types';
import type { CatalogueVersion } from '../rules/rules.domain';
import { buildProjection } from './projection';
import type { ScoredEvent } from '../points/points.engine';
import { validateRecord, type ValidRecord } from './record-validation';

export const MAX_RECORDS_PER_CALL = 500;

const SUBJECT_CONCURRENCY = 16;
const MAX_ATTEMPTS = 8;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; code: string; message: string }>;
}

export interface Pending {
  index: number;
  event: CreditEvent;
}

/**
 * Ingests a department's batch of credit records.
 * 1. Load the catalogue (every version: each record is scored by the version in force when it
 *    occurred) and the department (a suspended one may not submit → 403 ORG_SUSPENDED; besides the
 *    rules that name it, it may feed the rules the centre entitled it to).
 * 2. Validate each record on its own; a rejected record never blocks the others.
 * 3. Records repeating a sourceId within the batch are duplicates of the first.
 * 4. Group the valid records by subject (a person by the keyed hash of the ID number — the number
 *    itself is dropped here — an enterprise by its USCC) and append each group with its new
 *    projection in transactions; a sourceId already known is a duplicate, never a second event.
 * 5. Report accepted, duplicates and rejections by index.
 */
export async function ingestCreditRecords(
  deps: IngestDeps,
  department: string | undefined,
  records: unknown[],
  /** Rules this call may use beyond the department's own (双公示: a department's own penalties score by the catalogue's penalty rules). */
  extraRules: readonly string[] = [],
): Promise<IngestResult> {
  if (records.length > MAX_RECORDS_PER_CALL) {
    throw new AppError(413, 'TOO_MANY_RECORDS', `每次最多报送 ${MAX_RECORDS_PER_CALL} 条记录，本次 ${records.length} 条`);
  }
  return ingestBatch(deps, department, records, extraRules);
}

export type IngestDeps = { credit: CreditRepository; rules: RulesRepository; orgs: OrgsRepository; clock: Clock; idHashPepper: string };

/** Steps 1–3: the catalogue, the department's right to submit, and the valid records grouped by subject. */
export async function prepareBatch(
  deps: IngestDeps,
  department: string | undefined,
  records: unknown[],
  extraRules: readonly string[],
  eventId: (sourceId: string) => string = () => `ev-${randomUUID()}`,
): Promise<{ catalogue: CatalogueVersion[]; result: IngestResult; bySubject: Map<string, Pending[]> }> {
  if (!department) throw new AppError(403, 'FORBIDDEN', '当前账号未绑定报送部门');
  const now = deps.clock.now();
  const [catalogue, org] = await Promise.all([deps.rules.listVersions(), deps.orgs.get(department)]);
  if (!org || org.type !== 'department') throw new AppError(403, 'FORBIDDEN', '当前账号未绑定报送部门');
  if (org.status === 'suspended') throw new AppError(403, 'ORG_SUSPENDED', '本部门已被信用中心暂停报送');
  const alsoAllowed = new Set([...(org.feeds?.rules ?? []), ...extraRules]);
  const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
  const bySubject = new Map<string, Pending[]>();
  const seenSources = new Set<string>();
  const receivedAt = now.toISOString();

  records.forEach((raw, index) => {
    const v = validateRecord(raw, { department, catalogue, now, alsoAllowed });
    if (!v.ok) {
      result.rejected.push({ index, ...v.rejection });
      return;
    }
    if (seenSources.has(v.record.input.sourceId)) {
      result.duplicates++;
      return;
    }
    seenSources.add(v.record.input.sourceId);
    const event = toEvent(v.record, department, receivedAt, deps.idHashPepper, eventId(v.record.input.sourceId));
    const group = bySubject.get(event.subjectKey);
    if (group) group.push({ index, event });
    else bySubject.set(event.subjectKey, [{ index, event }]);
  });
  return { catalogue, result, bySubject };
}

async function ingestBatch(deps: IngestDeps, department: string | undefined, records: unknown[], extraRules: readonly string[]): Promise<IngestResult> {
  const { catalogue, result, bySubject } = await prepareBatch(deps, department, records, extraRules);
  const chunks: Array<{ subjectKey: string; items: Pending[] }> = [];
  for (const [subjectKey, items] of bySubject) {
    for (let i = 0; i < items.length; i += MAX_EVENTS_PER_APPEND) chunks.push({ subjectKey, items: items.slice(i, i + MAX_EVENTS_PER_APPEND) });
  }
  // Chunks of one subject run one after another; different subjects run side by side.
  const bySubjectChunks = new Map<string, typeof chunks>();
  for (const c of chunks) bySubjectChunks.set(c.subjectKey, [...(bySubjectChunks.get(c.subjectKey) ?? []), c]);
  await mapLimit([...bySubjectChunks.values()], SUBJECT_CONCURRENCY, async (subjectChunks) => {
    for (const c of subjectChunks) {
      const { accepted, duplicates } = await appendForSubject(deps, c.subjectKey, c.items.map((p) => p.event), catalogue);
      result.accepted += accepted;
      result.duplicates += duplicates;
    }
  });
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}

function toEvent(r: ValidRecord, department: string, receivedAt: string, pepper: string, id: string): CreditEvent {
  const subjectKey = r.input.subjectType === 'person' ? personSubjectKey(hashIdNumber(r.subjectId, pepper)) : enterpriseSubjectKey(r.subjectId);
  return {
    id,
    subjectKey,
    subjectType: r.input.subjectType,
    ruleId: r.rule.id,
    ruleVersion: r.ruleVersion,
    occurredAt: r.occurredAt,
    countsUntil: r.countsUntil,
    state: 'recorded',
    ...(r.rule.severity ? { severity: r.rule.severity } : {}),
    department,
    sourceId: r.input.sourceId,
    receivedAt,
    subjectMasked: r.input.subjectType === 'person' ? maskIdNumber(r.subjectId) : r.subjectId,
    ...(r.input.note ? { note: r.input.note } : {}),
  };
}

/**
 * Optimistic append: read the subject's projection — with the events that can still matter
 * (projection.ts eventsThatMatter), not the whole history — and the dashboard's STAT item of a
 * counted resident, in one Query; compute the projection with the new events; write all in one
 * transaction guarded by the projection version; on a lost race read again and retry. A record
 * whose source marker exists is dropped as a duplicate (the transaction names it).
 */
async function appendForSubject(
  deps: { credit: CreditRepository; clock: Clock },
  subjectKey: string,
  events: CreditEvent[],
  catalogue: Parameters<typeof buildProjection>[2],
): Promise<{ accepted: number; duplicates: number }> {
  let pending = events;
  let duplicates = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const now = deps.clock.now();
    const { projection: current, stat } = await deps.credit.getForWrite(subjectKey);
    // Events are only ever written together with the projection: no projection, no events.
    // The projection carries the events that can still matter; only an older one makes this read them all.
    let existing: ScoredEvent[] = current?.history ?? [];
    if (current && !current.history) {
      const all = await deps.credit.listEvents(subjectKey);
      const known = new Set(all.map((e) => `${e.department}#${e.sourceId}`));
      const fresh = pending.filter((e) => !known.has(`${e.department}#${e.sourceId}`));
      duplicates += pending.length - fresh.length;
      pending = fresh;
      existing = all;
    }
    if (pending.length === 0) break;
    const built = buildProjection(subjectKey, [...existing, ...pending], catalogue, now, (current?.version ?? 0) + 1);
    const projection = { ...built, eventCount: (current?.eventCount ?? 0) + pending.length };
    const outcome = await deps.credit.appendEvents(pending, projection, current?.version ?? null, stat);
    if (outcome.ok) return { accepted: pending.length, duplicates };
    if (outcome.duplicates.length > 0) {
      duplicates += outcome.duplicates.length;
      const dup = new Set(outcome.duplicates);
      pending = pending.filter((_, i) => !dup.has(i));
    }
    await backoff(attempt);
  }
  if (pending.length > 0) throw new AppError(503, 'BUSY', '该信用主体的记录正在被同时写入，请稍后重试');
  return { accepted: 0, duplicates };
}
