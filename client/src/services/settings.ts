import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

const LARGE_FONT_KEY = 'cx.settings.largeFont';

const largeFontStore = createStore<boolean>(() => {
  try {
    return Taro.getStorageSync(LARGE_FONT_KEY) === true;
  } catch {
    return false;
  }
});

export function isLargeFont(): boolean {
  return largeFontStore.get();
}

/** Persist 大字模式 and apply it at once to every mounted page. */
export function setLargeFont(on: boolean): void {
  Taro.setStorageSync(LARGE_FONT_KEY, on);
  largeFontStore.set(on);
}

export function useLargeFont(): boolean {
  return useStore(largeFontStore);
}
