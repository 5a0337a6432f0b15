/**
 * "Needs attention": a mirror of the core's `needsAttention` digest (phase windows and action
 * items due soon or overdue), asked again whenever the board changes. Loads never overlap: a
 * change during a load asks once more after it, so a burst of changes costs two calls.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { BoardChange, PalsApi } from '../../../shared/api.js';
import type { Attention } from '../../../shared/attention.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** The digest as the board shows it. */
export interface AttentionSlice {
  /** Null until the first answer. */
  readonly attention: Attention | null;
  readonly attentionError: string | null;
  readonly loadAttention: () => Promise<void>;
  /** Loads now and again after every change on the board; returns the unsubscribe. */
  readonly connectAttention: () => () => void;
  /** The daily notification, on or off (kept in the settings). */
  readonly setNotifications: (on: boolean) => Promise<boolean>;
}

/** A change that cannot move the digest: no card changed and only settings other than due-soon days did. */
const settingsOnly = (change: BoardChange) => change.kind === 'cards' && change.cards.length === 0 && change.removed.length === 0;

/** Builds the attention slice over an API. */
export function createAttentionSlice(api: PalsApi): StateCreator<Store, [], [], AttentionSlice> {
  return (set, get) => {
    let running: Promise<void> | null = null;
    let again = false;
    const once = async () => {
      const res = await safeCall(() => api.needsAttention({}));
      if (res.ok) set({ attention: res.value, attentionError: null });
      else set({ attentionError: `Could not work out what needs attention: ${res.error.message}` });
    };
    return {
      attention: null,
      attentionError: null,
      loadAttention: () => {
        if (running) {
          again = true;
          return running;
        }
        running = (async () => {
          do {
            again = false;
            await once();
          } while (again);
          running = null;
        })();
        return running;
      },
      connectAttention: () => {
        void get().loadAttention();
        return api.on('boardChanged', (change) => {
          if (!settingsOnly(change)) void get().loadAttention();
        });
      },
      setNotifications: async (on) => {
        const res = await safeCall(() => api.setNotifications({ on }));
        if (!res.ok) {
          get().pushToast('error', `Could not change the daily notification: ${res.error.message}`);
          return false;
        }
        get().patchCards((b) => ({ ...b, settings: { ...b.settings, notifications: res.value.notifications } }));
        get().announce(on ? 'Daily notification on.' : 'Daily notification off.');
        return true;
      },
    };
  };
}
