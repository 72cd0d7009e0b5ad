import { createHash } from 'node:crypto';
import type { ScoredEvent } from '../../points/points.engine';
import { backoff } from '../../shared/db/models';
import { mapLimit } from '../../shared/domain/concurrency';
import { AppError } from '../../shared/http/app-error';
import type { CreditEvent } from '../credit.types';
import { prepareBatch, type IngestDeps, type IngestResult } from '../ingest-credit-records';
import { buildProjection, eventsThatMatter } from '../projection';

/** The importer's window: the records of one subject within it become one projection write. */
export const MAX_RECORDS_PER_IMPORT_WINDOW = 100_000;
const SUBJECT_CONCURRENCY = 16;
const PREFETCH_SUBJECTS = 50;
const MAX_ATTEMPTS = 8;

/**
 * An event id derived from the record's (department, sourceId), shaped like the random ones
 * (`ev-` and a UUID): writing a record again after an interruption rewrites the same event.
 */
export function importedEventId(department: string, sourceId: string): string {
  const h = createHash('sha256').update(`${department}\u0000${sourceId}`).digest('hex');
  return `ev-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The bulk importer's ingestion (`npm run import` straight into the database), for a window of a
 * file. Per-record transactions are what made it slow (a transaction per record, and DynamoDB's
 * transactional writes cost twice), so events are written in batches and only projections in
 * transactions — one per subject and window:
 * 1. Validate and group by subject as `POST /api/credit-records` does (prepareBatch); event ids
 *    come from (department, sourceId).
 * 2. Read the records' source markers (consistent BatchGets): a known record is a duplicate.
 * 3. Write the new records' events and markers with BatchWriteItem (16 requests in flight).
 * 4. Per subject (16 at a time; projections read 50 subjects per consistent BatchGet): the new
 *    projection from the events it carries plus this window's events — and, after an
 *    interruption between 3 and 4, the subject's stored events that still matter but are not yet
 *    in it — written over the version read, with a counted resident's STAT item in the same
 *    transaction (anyone else's projection alone, in a conditional PutItem); a lost race reads the
 *    subject again. Events are merged by id, so an event a concurrent writer already counted is
 *    counted once.
 * 5. For each 50 subjects, one consistent BatchGet finds those enrolled as counted residents while
 *    their projection was written alone, and moves their STAT item to it (statsAfterUnguarded).
 * Known limit: a record posted through the API at the very moment the importer writes the same
 * (department, sourceId) can be stored twice (the API's transaction guards its own writes only).
 */
export async function importCreditRecords(deps: IngestDeps, department: string, records: unknown[]): Promise<IngestResult> {
  if (records.length > MAX_RECORDS_PER_IMPORT_WINDOW) throw new Error(`at most ${MAX_RECORDS_PER_IMPORT_WINDOW} records per import window`);
  const { catalogue, result, bySubject } = await prepareBatch(deps, department, records, [], (sourceId) => importedEventId(department, sourceId));

  const all = [...bySubject.values()].flat().map((p) => p.event);
  const markers = await deps.credit.sourceMarkers(all.map((e) => ({ department: e.department, sourceId: e.sourceId })));
  const known = (e: CreditEvent) => markers.get(`${e.department}#${e.sourceId}`);
  const fresh = all.filter((e) => !known(e));
  // Markers of this importer whose event is missing (interrupted mid-batch): written again, same ids.
  const stored = await deps.credit.storedEvents(all.filter((e) => known(e)).map((e) => ({ subjectKey: known(e)!.subjectKey, eventId: known(e)!.eventId })));
  const rewrite = all.filter((e) => known(e)?.eventId === e.id && !stored.has(e.id));
  await deps.credit.putEventsUnguarded([...fresh, ...rewrite]);
  const writtenIds = new Set([...fresh, ...rewrite].map((e) => e.id));
  result.accepted += fresh.length;
  result.duplicates += all.length - fresh.length;

  const subjects = [...bySubject.keys()];
  const windows = Array.from({ length: Math.ceil(subjects.length / PREFETCH_SUBJECTS) }, (_, i) => subjects.slice(i * PREFETCH_SUBJECTS, (i + 1) * PREFETCH_SUBJECTS));
  await mapLimit(windows, SUBJECT_CONCURRENCY / 4, async (window) => {
    const read = await deps.credit.getManyForWrite(window);
    await mapLimit(window, 4, async (subjectKey) => {
      const mine = bySubject.get(subjectKey)!.map((p) => p.event);
      const written = mine.filter((e) => writtenIds.has(e.id));
      const storedOfMine = mine.flatMap((e) => (known(e) && stored.get(known(e)!.eventId)?.subjectKey === subjectKey ? [stored.get(known(e)!.eventId)!] : []));
      await projectSubject(deps, subjectKey, written, storedOfMine, catalogue, read.get(subjectKey)!);
    });
    // People who were not counted residents had their projection written alone: one check for all of them.
    await deps.credit.statsAfterUnguarded(window.filter((k) => read.get(k)?.stat === null));
  });
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}

/**
 * Writes a subject's projection with this window's events counted once: `written` are the events
 * this window wrote, `stored` those of its records found already stored (counted only when they
 * still matter and the projection does not carry them: an interrupted earlier run).
 */
async function projectSubject(
  deps: IngestDeps,
  subjectKey: string,
  written: CreditEvent[],
  stored: CreditEvent[],
  catalogue: Parameters<typeof buildProjection>[2],
  first: Awaited<ReturnType<IngestDeps['credit']['getForWrite']>>,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { projection: current, stat } = attempt === 0 ? first : await deps.credit.getForWrite(subjectKey);
    const now = deps.clock.now();
    const version = (current?.version ?? 0) + 1;
    let projection;
    if (current && !current.history) {
      // A projection written before projections carried their events: rebuilt from every stored event (this window's included).
      const every = await deps.credit.listEvents(subjectKey);
      projection = buildProjection(subjectKey, every, catalogue, now, version);
    } else {
      const base: ScoredEvent[] = current?.history ?? [];
      const counted = new Set(base.map((e) => e.id));
      const candidates = [...written.filter((e) => !stored.some((x) => x.id === e.id)), ...stored].filter((e) => !counted.has(e.id));
      const added = eventsThatMatter(candidates, catalogue, now);
      if (current && added.length === 0 && written.length === 0) return;
      projection = { ...buildProjection(subjectKey, [...base, ...added], catalogue, now, version), eventCount: (current?.eventCount ?? 0) + written.length };
    }
    if (await deps.credit.putProjection(projection, current?.version ?? null, stat, true)) return;
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '该信用主体的记录正在被同时写入，请稍后重试');
}
