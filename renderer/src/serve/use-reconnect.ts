/**
 * After `pals serve` comes back (restarted, and a new address opened in this browser), the page
 * recovers on its own: it says so, and reloads the board (the new server counts its changes from
 * the start, so the old feed would be ignored). Unsaved editors retry by themselves (use-autosave.ts).
 */
import { useEffect } from 'react';
import { useStoreApi } from '../store/store-context.js';
import { reachability } from './reachability.js';

/** What the page says once it is connected again. */
export const RECONNECTED = 'Reconnected to `pals serve`: the board is up to date, and unsaved notes are being saved.';

/** Follows the page's connection to the core while mounted. */
export function useReconnect(): void {
  const store = useStoreApi();
  useEffect(
    () =>
      reachability.onBack(() => {
        void store
          .getState()
          .load()
          .then(() => {
            const s = store.getState();
            if (s.loadError === null) s.pushToast('info', RECONNECTED);
          });
      }),
    [store],
  );
}
