import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  /** The first page is loading (nothing to show yet). */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The first page failed. */
  error: unknown;
  /** A further page failed (the items already shown stay). */
  moreError: unknown;
  hasMore: boolean;
  /** Load the first page again (pull-to-refresh, 重试). */
  reload: () => Promise<void>;
  /** Load the page after the last one, unless one is already loading or there is none. */
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paged list: the first page when mounted (and whenever `deps` change), then one page
 * at a time on `loadMore`. Answers of a run that a reload has replaced are dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  deps: readonly unknown[],
  enabled = true,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const runId = useRef(0);
  const busy = useRef(false);
  const cursorRef = useRef<string | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const id = ++runId.current;
    busy.current = true;
    setLoading(true);
    setError(undefined);
    setMoreError(undefined);
    try {
      const page = await fetchRef.current(null);
      if (id !== runId.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      cursorRef.current = page.nextCursor;
    } catch (e) {
      if (id === runId.current) setError(e);
    } finally {
      if (id === runId.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    const after = cursorRef.current;
    if (busy.current || after === null) return;
    const id = runId.current;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchRef.current(after);
      if (id !== runId.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
      cursorRef.current = page.nextCursor;
    } catch (e) {
      if (id === runId.current) setMoreError(e);
    } finally {
      if (id === runId.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
  }, []);

  useEffect(() => {
    if (enabled) {
      void reload();
    } else {
      runId.current++;
      busy.current = false;
      cursorRef.current = null;
      setItems([]);
      setCursor(null);
      setLoading(false);
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, reload, ...deps]);

  return { items, loading, loadingMore, error, moreError, hasMore: cursor !== null, reload, loadMore };
}
