import type { CreditRepository } from '../credit/credit.repository';
import { ingestCreditRecords, type IngestResult } from '../credit/ingest-credit-records';
import { buildProjection } from '../credit/projection';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { RulesRepository } from '../rules/rules.repository';
import { backoff } from '../shared/db/models';
import type { Clock } from '../shared/domain/clock';
import { mapLimit } from '../shared/domain/concurrency';
import { AppError } from '../shared/http/app-error';
import { creditRecordOf, creditSourceId, PENALTY_RULES, type Disclosure } from './disclosures.domain';
import type { DisclosuresRepository } from './disclosures.repository';

export type CreditDeps = { credit: CreditRepository; rules: RulesRepository; orgs: OrgsRepository; disclosures: DisclosuresRepository; clock: Clock; idHashPepper: string };

const MAX_ATTEMPTS = 8;

/**
 * Brings the credit records of a department's decisions in line with the decisions as stored.
 * It runs after every send, duplicates included, so a send interrupted between the decision and
 * its record is completed by the next send of the same decision.
 * 1. Withdraw the records of earlier revisions (the decision was revoked, or corrected in what
 *    its record scores): each becomes `retracted`, with the subject's projection rebuilt.
 * 2. Ingest the record of every standing penalty through the credit-record ingestion, scored by
 *    the catalogue's rule for its severity; its sourceId is derived from the decision's, so
 *    however often the decision is sent it is one record.
 * 3. Read those decisions again: one revoked or re-scored meanwhile had no record to withdraw yet,
 *    so withdraw the record just ingested (either that writer or this one sees the other's write).
 */
export async function settleCreditRecords(deps: CreditDeps, department: string, decisions: Disclosure[]): Promise<IngestResult> {
  const retired = decisions.flatMap((d) => d.retiredCreditSources);
  await mapLimit(retired, 8, (sourceId) => retractCreditRecord(deps, department, sourceId));
  const records = decisions.map(creditRecordOf).filter((r) => r !== null);
  if (records.length === 0) return { accepted: 0, duplicates: 0, rejected: [] };
  const result = await ingestCreditRecords(deps, department, records, Object.values(PENALTY_RULES));
  // A revocation or correction that landed while this record was being ingested found no record
  // to withdraw: read the decisions again and withdraw what no longer stands.
  await mapLimit(
    decisions.filter((d) => creditRecordOf(d) !== null),
    8,
    async (d) => {
      const now = await deps.disclosures.get(department, d.sourceId);
      const ingested = creditSourceId(d.sourceId, d.creditRevision);
      if (now && now.revision !== d.revision && (now.status === 'revoked' || now.retiredCreditSources.includes(ingested))) await retractCreditRecord(deps, department, ingested);
    },
  );
  return result;
}

/**
 * Withdraws one credit record a decision produced, if it exists and still stands: read the
 * projection's version, then the events; write the event's new state and the new projection in
 * one transaction over both (a concurrent write to the subject: read again).
 */
export async function retractCreditRecord(deps: CreditDeps, department: string, sourceId: string): Promise<void> {
  const marker = await deps.disclosures.sourceMarker(department, sourceId);
  if (!marker) return;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await deps.credit.getProjection(marker.subjectKey);
    const events = await deps.credit.listEvents(marker.subjectKey);
    const event = events.find((e) => e.id === marker.eventId);
    if (!event || event.state === 'retracted') return;
    const now = deps.clock.now();
    const at = now.toISOString();
    const all = events.map((e) => (e.id === event.id ? { ...e, state: 'retracted' as const, endedAt: at } : e));
    const projection = buildProjection(marker.subjectKey, all, await deps.rules.listVersions(), now, (current?.version ?? 0) + 1);
    if ((await deps.disclosures.retractEvent(event, at, projection, current?.version ?? null)) === 'ok') return;
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '该企业的信用记录正在被同时写入，请稍后重试');
}
