import type { CreditEventView } from '../../../services/api';

/**
 * The events the timeline has loaded, so the detail page opens at once without a request.
 * (There is no single-event endpoint: a detail page opened by itself pages through the list.)
 */
const cache = new Map<string, CreditEventView>();

export function rememberEvents(events: readonly CreditEventView[]): void {
  for (const e of events) cache.set(e.id, e);
}

export function cachedEvent(id: string): CreditEventView | undefined {
  return cache.get(id);
}

export function forgetEvents(): void {
  cache.clear();
}
