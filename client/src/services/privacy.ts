import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

/** The id of the sheet's 同意 button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'agree-btn';

/** 《诚信管城用户隐私保护指引》 inside the app. */
export const PRIVACY_GUIDE_PAGE = '/packages/public/privacy/index';

type PrivacyResolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve, eventInfo?: { referrer?: string }) => void;

/** What the sheet needs: which API or component is waiting (WeChat's `referrer`), or null when none is. */
export interface PrivacyRequest {
  referrer: string;
}

const requestStore = createStore<PrivacyRequest | null>(() => null);
// WeChat may ask again before the user answers (two privacy APIs at once): every waiting call gets the answer.
let waiting: PrivacyResolve[] = [];

function answer(option: Parameters<PrivacyResolve>[0]): void {
  const resolves = waiting;
  waiting = [];
  requestStore.set(null);
  for (const resolve of resolves) resolve(option);
}

/** The user tapped 同意 (the open-type="agreePrivacyAuthorization" button): the waiting API goes on. */
export const agreePrivacy = () => answer({ buttonId: AGREE_BUTTON_ID, event: 'agree' });

/** The user tapped 拒绝: the waiting API fails with "privacy permission is not authorized". */
export const disagreePrivacy = () => answer({ event: 'disagree' });

export const usePrivacyRequest = (): PrivacyRequest | null => useStore(requestStore);

/**
 * With `__usePrivacyCheck__`, WeChat holds any privacy-relevant API (clipboard, camera scan,
 * wx.login…) until the user has agreed to the privacy guidelines, and asks the app to show its
 * own agreement sheet. The mini program registers this once at launch; H5 has no such step.
 */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (listener: PrivacyListener) => void }).onNeedPrivacyAuthorization;
  // Base libraries before 2.32.3 have no such event (and no privacy check either).
  if (typeof on !== 'function') return;
  on((resolve, eventInfo) => {
    waiting.push(resolve);
    // Tell WeChat the app's own sheet is on screen.
    resolve({ event: 'exposureAuthorization' });
    requestStore.set({ referrer: eventInfo?.referrer ?? '' });
  });
}
