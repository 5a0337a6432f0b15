/**
 * Notices when another process (the CLI, another app instance) changed the store's files, and
 * catches up (`store.refresh`: only the journal's new lines when that is all that changed) so
 * every window shows the change without a restart.
 */
import { watch, type FSWatcher } from 'node:fs';
import { isStoreFileName, type PalsStore } from './store/store.js';

/** Watches the data folder; returns a function that stops watching. */
export function watchStore(store: PalsStore, onError: (error: unknown) => void = () => undefined, debounceMs = 75): () => void {
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const check = () => {
    timer = null;
    store.refresh().catch(onError);
  };
  try {
    // Not persistent, like the poll: watching alone never keeps a process (or a test) alive.
    watcher = watch(store.paths.dir, { persistent: false }, (_event, name) => {
      if (name !== null && !isStoreFileName(name)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, debounceMs);
    });
    watcher.on('error', onError);
  } catch (error) {
    onError(error);
  }
  // fs.watch can miss events on network drives; a slow poll is the safety net.
  const poll = setInterval(check, 5_000);
  poll.unref();
  return () => {
    watcher?.close();
    clearInterval(poll);
    if (timer) clearTimeout(timer);
  };
}
