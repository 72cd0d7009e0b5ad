import { act } from 'react';
/**
 * Stand-in for @tarojs/taro: every API a jest.fn, storage in memory, page hooks that behave like
 * Taro's (useLoad/useDidShow run on mount; usePullDownRefresh keeps the handler so a test can
 * pull). `resetTaro()` runs after every test.
 */
import { useEffect, useRef } from 'react';

// Kept on globalThis like a device's storage: it survives a fresh module registry (an app restart
// in jest.isolateModules) until resetTaro() clears it after the test.
const storageHolder = globalThis as unknown as { __taroStorage?: Map<string, unknown> };
const storage = (storageHolder.__taroStorage ??= new Map<string, unknown>());
let pullDownHandler: (() => void) | null = null;
let reachBottomHandler: (() => void) | null = null;
let routerParams: Record<string, string> = {};
const showHandlers = new Set<{ current: () => void }>();
const hideHandlers = new Set<{ current: () => void }>();

const resolved = () => Promise.resolve({ errMsg: 'ok' });

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  clearStorageSync: jest.fn(() => storage.clear()),
  request: jest.fn(),
  showToast: jest.fn(resolved),
  hideToast: jest.fn(),
  showLoading: jest.fn(resolved),
  hideLoading: jest.fn(),
  navigateTo: jest.fn(resolved),
  redirectTo: jest.fn(resolved),
  reLaunch: jest.fn(resolved),
  switchTab: jest.fn(resolved),
  navigateBack: jest.fn(resolved),
  login: jest.fn(() => Promise.resolve({ code: 'wx-test-code', errMsg: 'login:ok' })),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(resolved),
  // Rejects like the mini program when the user closes the camera; a test sets what it "scans".
  scanCode: jest.fn(() => Promise.reject(new Error('scanCode:fail cancel'))),
  setClipboardData: jest.fn(resolved),
  setKeepScreenOn: jest.fn(resolved),
};

export default Taro;

export function useLoad(cb: (options: Record<string, string>) => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => ref.current({}), []);
}

export function useDidShow(cb: () => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    showHandlers.add(ref);
    ref.current();
    return () => {
      showHandlers.delete(ref);
    };
  }, []);
}

export function useDidHide(cb: () => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    hideHandlers.add(ref);
    return () => {
      hideHandlers.delete(ref);
    };
  }, []);
}

/** What happens when the user leaves the page (another page on top, or the app goes to the background). */
export function hidePage(): void {
  hideHandlers.forEach((h) => h.current());
}

/** What happens when the page shows again. */
export function showPage(): void {
  showHandlers.forEach((h) => h.current());
}

export function usePullDownRefresh(cb: () => void): void {
  pullDownHandler = cb;
}

export function useReachBottom(cb: () => void): void {
  reachBottomHandler = cb;
}

/** The page's query, as `setRouterParams` left it (Taro's `useRouter().params`). */
export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' };
}

/** The query the next page rendered is opened with. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** What the user does by scrolling to the bottom of the page. */
export function scrollToBottom(): void {
  if (!reachBottomHandler) throw new Error('the page did not register useReachBottom');
  const handler = reachBottomHandler;
  act(() => {
    handler();
  });
}

/** What the user does by pulling the page down. */
export function pullDown(): void {
  if (!pullDownHandler) throw new Error('the page did not register usePullDownRefresh');
  const handler = pullDownHandler;
  act(() => {
    handler();
  });
}

export const storageSnapshot = (): Record<string, unknown> => Object.fromEntries(storage);

export function resetTaro(): void {
  storage.clear();
  pullDownHandler = null;
  reachBottomHandler = null;
  routerParams = {};
  showHandlers.clear();
  hideHandlers.clear();
  for (const fn of Object.values(Taro)) fn.mockClear();
  Taro.request.mockReset();
  Taro.scanCode.mockReset();
  Taro.scanCode.mockImplementation(() => Promise.reject(new Error('scanCode:fail cancel')));
}
