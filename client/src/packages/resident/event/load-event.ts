import { getMyEvents, type CreditEventView } from '../../../services/api';
import { getMyEnterprise } from '../../../services/loans-api';
import type { EventSubject } from '../../../services/rights-pages';
import { cachedEvent, rememberEvents } from '../shared/event-cache';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * One of the subject's events: from what a list loaded, or (the page opened on its own, e.g.
 * after a reload) from the only reads the API offers: the resident's paged list, or the
 * business's profile with its records.
 */
export async function loadEvent(id: string, subject: EventSubject = 'person'): Promise<CreditEventView | null> {
  const cached = cachedEvent(id);
  if (cached) return cached;
  if (subject === 'enterprise') {
    const profile = await getMyEnterprise();
    rememberEvents(profile.events);
    return profile.events.find((e) => e.id === id) ?? null;
  }
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await getMyEvents({ limit: PAGE_SIZE, cursor }, { quietCodes: ['REAL_NAME_REQUIRED'] });
    rememberEvents(page.items);
    const found = page.items.find((e) => e.id === id);
    if (found) return found;
    if (!page.nextCursor) return null;
    cursor = page.nextCursor;
  }
  return null;
}
