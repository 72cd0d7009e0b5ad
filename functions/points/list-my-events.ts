import { z } from 'zod';
import type { CreditRepository } from '../credit/credit.repository';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { decodeCursor, encodeCursor, type ListQuery } from '../shared/http/pagination';
import { eventViews } from './event-view';
import type { EventsPage } from './points.schemas';
import { residentSubject } from './resident-subject';

const cursorSchema = z.strictObject({ o: z.string(), i: z.string() });

/**
 * The events that make up the resident's points, newest first.
 * 1. Find the resident's credit subject.
 * 2. Load its events and the catalogue; evaluate them now (caps and expiry need all of them).
 * 3. Return one page after the cursor (occurredAt, id), with what each event counts now.
 */
export async function listMyEvents(
  deps: { identities: IdentityRepository; credit: CreditRepository; rules: RulesRepository; clock: Clock },
  userId: string,
  query: ListQuery,
): Promise<EventsPage> {
  const subjectKey = await residentSubject(deps.identities, userId);
  const after = decodeCursor(query.cursor, cursorSchema, `events:${subjectKey}`);
  const [events, catalogue] = await Promise.all([deps.credit.listEvents(subjectKey), deps.rules.listVersions()]);
  const views = eventViews(events, catalogue, deps.clock.now());
  const start = after ? views.findIndex((v) => v.occurredAt < after.o || (v.occurredAt === after.o && v.id < after.i)) : 0;
  const from = start < 0 ? views.length : start;
  const items = views.slice(from, from + query.limit);
  const last = items.at(-1);
  const more = from + query.limit < views.length;
  return { items, nextCursor: more && last ? encodeCursor({ o: last.occurredAt, i: last.id }, `events:${subjectKey}`) : null };
}
