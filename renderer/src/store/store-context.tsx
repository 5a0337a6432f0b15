/** Hands the one store to components, so tests can inject a store built over a fake API. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore, Store } from './types.js';

const StoreContext = createContext<AppStore | null>(null);

/** Makes `store` available to `useAppStore` below it. */
export function StoreProvider({ store, children }: { readonly store: AppStore; readonly children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store object itself (for effects that need `getState`). */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreProvider> above it');
  return store;
}

/** Reads a slice of state; pass a narrow selector (wrap object/array results in `useShallow`). */
export function useAppStore<T>(selector: (state: Store) => T): T {
  return useStore(useStoreApi(), selector);
}
