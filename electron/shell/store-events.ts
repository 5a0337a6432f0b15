/**
 * Tells every window that the store changed: a change made through the store (here) or found on
 * disk (the CLI, another app process; see core/watch-store.ts) becomes one `storeChanged` event
 * per origin per burst.
 */
import { channelOf } from '../../shared/api-names.js';
import type { ApiEvents } from '../../shared/api.js';
import type { ChangeOrigin, PalsStore } from '../core/store/store.js';

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
