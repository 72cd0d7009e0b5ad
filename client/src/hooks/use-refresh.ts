import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pull-to-refresh for a data page (the page config must set `enablePullDownRefresh`). */
export function usePullToRefresh(reload: () => Promise<void>): void {
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });
}
