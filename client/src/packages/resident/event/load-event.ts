import { getMyEvents, type CreditEventView } from '../../../services/api';
import { cachedEvent, rememberEvents } from '../shared/event-cache';

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * One of the resident's events: from what the timeline loaded, or (the page opened on its own,
 * e.g. after a reload) by paging through the list, which is the only read the API offers.
 */
export async function loadEvent(id: string): Promise<CreditEventView | null> {
  const cached = cachedEvent(id);
  if (cached) return cached;
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
