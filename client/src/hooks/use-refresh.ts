import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';

/** Pull-to-refresh for a data page (the page config must set `enablePullDownRefresh`). */
export function usePullToRefresh(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });
}

/**
 * Runs `reload` each time the page is shown again (back from a page that changed its data), not on
 * its first showing, which loads anyway; skipped while `enabled` is false (not signed in yet).
 */
export function useReloadOnReturn(reload: () => unknown, enabled = true): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && enabled) void reload();
    shown.current = true;
  });
}
