import { createStore, useStore } from './store';

/**
 * A counter that goes up whenever the signed-in user's account data changed on the server
 * (e.g. after 实名认证): pages that stay mounted (the tabs) add it to their request deps to reload.
 */
const versionStore = createStore<number>(() => 0);

export function accountChanged(): void {
  versionStore.set(versionStore.get() + 1);
}

export function useAccountVersion(): number {
  return useStore(versionStore);
}
