import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

const TOKEN_KEY = 'cx.session.token';

function readToken(): string | null {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof token === 'string' && token.length > 0 ? token : null;
  } catch {
    return null;
  }
}

const tokenStore = createStore<string | null>(readToken);

export function getToken(): string | null {
  return tokenStore.get();
}

export function saveToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  tokenStore.set(token);
}

/** Forget the session: used by 退出登录 and whenever the API answers 401. */
export function clearSession(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY);
  } finally {
    tokenStore.set(null);
  }
}

/** The current token; re-renders when the user signs in or out (or the API rejects the token). */
export function useToken(): string | null {
  return useStore(tokenStore);
}

export const LOGIN_PAGE = '/pages/login/index';
export const HOME_PAGE = '/pages/index/index';

export function goToLogin(): void {
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => Taro.reLaunch({ url: LOGIN_PAGE }));
}

export function signOut(): void {
  clearSession();
  Taro.reLaunch({ url: LOGIN_PAGE });
}
