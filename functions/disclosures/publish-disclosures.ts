import type { HolidayCalendar } from '../holidays/holiday-calendar';
import type { Organisation } from '../orgs/orgs.domain';
import { feedingDepartment } from '../registry/feeding-department';
import { backoff } from '../shared/db/models';
import { mapLimit } from '../shared/domain/concurrency';
import type { WorkCalendar } from '../shared/domain/holidays-cn';
import { AppError } from '../shared/http/app-error';
import { counterDeltas, planItem, validateDisclosure, type Disclosure, type Rejection, type ValidItem } from './disclosures.domain';
import { settleCreditRecords, type CreditDeps } from './settle-credit-records';

export type PublishDeps = CreditDeps & { holidays: HolidayCalendar };

export interface PublishResult {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number } & Rejection>;
  late: number[];
}

const ITEM_CONCURRENCY = 16;
const MAX_ATTEMPTS = 8;

type Outcome = { kind: 'accepted' | 'duplicate'; decision: Disclosure } | { kind: 'rejected'; rejection: Rejection };

/**
 * A department publishes licensing and penalty decisions (双公示).
 * 1. The department must be active and entitled to 双公示 (the centre's `feeds.registries`);
 *    the deciding authority and its USCC are its organisation's. 1–500 items (the route: 400).
 * 2. Validate each item on its own (disclosures.domain); a rejected item never blocks the others.
 *    An item repeating a sourceId earlier in the batch is a duplicate of that one.
 * 3. Each item: read the stored decision, plan (create, duplicate, correct, revoke), and write it
 *    with the department's month counters in one transaction — created only where absent, changed
 *    only over the revision read; a lost race reads again. Lateness: received after the end of the
 *    7th working day after the decision (the State Council's calendar).
 * 4. Settle the credit records of the batch's decisions (settle-credit-records): a penalty is its
 *    business's credit record once; a revoked or re-scored one is withdrawn.
 * 5. Report accepted, duplicates, rejections and the late ones by index.
 */
export async function publishDisclosures(deps: PublishDeps, orgId: string | undefined, items: unknown[]): Promise<PublishResult> {
  const org = await feedingDepartment(deps.orgs, orgId, 'disclosures', items.length);
  const now = deps.clock.now();
  const calendar = await deps.holidays.calendar();
  const result: PublishResult = { accepted: 0, duplicates: 0, rejected: [], late: [] };
  const firstOf = new Map<string, number>();
  const work: Array<{ index: number; item: ValidItem }> = [];
  const repeats: number[] = [];

  items.forEach((raw, index) => {
    const v = validateDisclosure(raw, now);
    if (!v.ok) {
      result.rejected.push({ index, ...v.rejection });
      return;
    }
    const sourceId = v.item.status === 'revoked' ? v.item.sourceId : v.item.fields.sourceId;
    if (firstOf.has(sourceId)) {
      repeats.push(index);
      return;
    }
    firstOf.set(sourceId, index);
    work.push({ index, item: v.item });
  });

  const outcomes = await mapLimit(work, ITEM_CONCURRENCY, ({ item }) => publishOne(deps, org, item, now.toISOString(), calendar));
  const settled: Disclosure[] = [];
  outcomes.forEach((o, i) => {
    const index = work[i].index;
    if (o.kind === 'rejected') {
      result.rejected.push({ index, ...o.rejection });
      return;
    }
    if (o.kind === 'accepted') result.accepted++;
    else result.duplicates++;
    if (o.decision.late && o.decision.status === 'published') result.late.push(index);
    settled.push(o.decision);
  });
  result.duplicates += repeats.length;

  const credit = await settleCreditRecords(deps, org.id, settled);
  if (credit.rejected.length > 0) {
    // Validation mirrors the credit record's, so this is a fault, not the department's input.
    throw new Error(`credit records of decisions rejected: ${JSON.stringify(credit.rejected)}`);
  }
  result.rejected.sort((a, b) => a.index - b.index);
  result.late.sort((a, b) => a - b);
  return result;
}

async function publishOne(deps: PublishDeps, org: Organisation, item: ValidItem, now: string, calendar: WorkCalendar): Promise<Outcome> {
  const sourceId = item.status === 'revoked' ? item.sourceId : item.fields.sourceId;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const existing = await deps.disclosures.get(org.id, sourceId);
    const plan = planItem(item, existing, { department: org.id, authorityName: org.name, ...(org.uscc ? { authorityUscc: org.uscc } : {}), now, calendar });
    if (plan.kind === 'reject') return { kind: 'rejected', rejection: plan.rejection };
    if (plan.kind === 'duplicate') return { kind: 'duplicate', decision: plan.current };
    const outcome = await deps.disclosures.write(plan.next, plan.previous, counterDeltas(plan.previous, plan.next));
    if (outcome === 'ok') return { kind: 'accepted', decision: plan.next };
    await backoff(attempt);
  }
  throw new AppError(503, 'BUSY', '该决定正在被同时报送，请稍后重试');
}
