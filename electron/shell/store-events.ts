/**
 * Keeps every window's picture current: a change made through the store (here) or found on disk
 * (the CLI, another app process) becomes one `storeChanged` event per burst. The data folder is
 * watched so a `pals` command run in a terminal shows up on the board without a click.
 */
import { watch, type FSWatcher } from 'node:fs';
import { channelOf } from '../../shared/api-names.js';
import type { ApiEvents } from '../../shared/api.js';
import { isStoreFileName, type ChangeOrigin, type PalsStore } from '../store/store.js';

/** Sends a store-changed event (to every trusted window). */
export type SendEvent = (channel: string, payload: ApiEvents['storeChanged']) => void;

/** Forwards store changes, coalesced per turn of the event loop; returns the unsubscribe. */
export function forwardStoreChanges(store: PalsStore, send: SendEvent): () => void {
  const pending = new Set<ChangeOrigin>();
  const channel = channelOf('storeChanged');
  return store.onChange((_doc, origin) => {
    if (pending.size === 0) {
      setImmediate(() => {
        const origins = [...pending];
        pending.clear();
        for (const o of origins) send(channel, { origin: o });
      });
    }
    pending.add(origin);
  });
}

/** How long to wait after the last file event before re-reading (a write is several events). */
export const WATCH_DEBOUNCE_MS = 150;

/**
 * Calls `store.refresh()` shortly after `pals.json` changes on disk; the store compares file
 * identities, so our own writes cost one `stat`. Returns the function that stops watching.
 */
export function watchDataDir(store: PalsStore, debounceMs = WATCH_DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const refresh = () => {
    store.refresh().catch((error: unknown) => {
      console.error(`could not re-read the data file: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  try {
    watcher = watch(store.paths.dir, { persistent: false }, (_event, name) => {
      if (name !== null && !isStoreFileName(name)) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, debounceMs);
    });
    watcher.on('error', () => watcher?.close());
  } catch (error) {
    console.error(`changes made outside the app will show after a restart: ${error instanceof Error ? error.message : String(error)}`);
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
