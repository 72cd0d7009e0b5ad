import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/** A tiny observable value: lets every mounted page (tab pages stay mounted) react at once. */
export function createStore<T>(initial: () => T): Store<T> {
  let value: T | undefined;
  let loaded = false;
  const listeners = new Set<() => void>();
  return {
    get() {
      if (!loaded) {
        value = initial();
        loaded = true;
      }
      return value as T;
    },
    set(next) {
      value = next;
      loaded = true;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
