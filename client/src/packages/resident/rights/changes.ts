import { createStore, useStore } from '../../../services/store';

/**
 * Goes up when the subject changed one of its records' state here (an objection raised, a repair
 * applied for): pages that stay mounted below (我的信用) add it to their deps and reload.
 */
const versionStore = createStore<number>(() => 0);

export function creditChanged(): void {
  versionStore.set(versionStore.get() + 1);
}

export function useCreditVersion(): number {
  return useStore(versionStore);
}
