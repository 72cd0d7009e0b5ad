import Taro from '@tarojs/taro';
import { currentPageUrl, routeOf } from './navigation';
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

const RETURN_KEY = 'cx.session.return';

/**
 * Sign-in is asked for only at the action that needs it (出示凭证, 申请, 查看我的信用): remember
 * where to come back to (`returnTo`, else the current page) and open the sign-in page.
 */
export function goToLogin(returnTo?: string): void {
  const back = returnTo ?? currentPageUrl();
  try {
    if (back && routeOf(back) !== routeOf(LOGIN_PAGE)) Taro.setStorageSync(RETURN_KEY, back);
    else Taro.removeStorageSync(RETURN_KEY);
  } catch {
    // Without storage the user lands on 首页 after signing in: still signed in, nothing lost.
  }
  Taro.navigateTo({ url: LOGIN_PAGE }).catch(() => Taro.reLaunch({ url: LOGIN_PAGE }));
}

/** Where the user asked to sign in from, once (it is forgotten as it is read). */
export function takeReturnPath(): string | null {
  try {
    const back: unknown = Taro.getStorageSync(RETURN_KEY);
    Taro.removeStorageSync(RETURN_KEY);
    return typeof back === 'string' && back.startsWith('/') ? back : null;
  } catch {
    return null;
  }
}

export function signOut(): void {
  clearSession();
  Taro.reLaunch({ url: LOGIN_PAGE });
}
