import { useCallback, useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Run the request again; resolves when it has settled (for pull-to-refresh). */
  reload: () => Promise<void>;
}

/**
 * Runs `fetcher` when mounted and whenever `deps` change (skipped while `enabled` is false).
 * Answers of an older run are dropped, so a slow first load never overwrites a newer one.
 */
export function useRequest<T>(fetcher: () => Promise<T>, deps: readonly unknown[], enabled = true): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState<boolean>(enabled);
  const runId = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const id = ++runId.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await fetcherRef.current();
      if (id === runId.current) setData(result);
    } catch (e) {
      if (id === runId.current) setError(e);
    } finally {
      if (id === runId.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) {
      void run();
    } else {
      runId.current++;
      setLoading(false);
      setData(undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, run, ...deps]);

  return { data, error, loading, reload: run };
}
