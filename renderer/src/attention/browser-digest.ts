/**
 * The digest as a browser notification under `pals serve` (the desktop app's main process shows
 * its own): only once the user asked for notifications with the button and the browser allowed
 * them, at most once a day, and never in the desktop app's window.
 */
import { useEffect } from 'react';
import { digestText, type Attention } from '../../../shared/attention.js';
import { useAppStore, useStoreApi } from '../store/store-context.js';

/** Where this browser remembers the last day it showed the digest. */
const SHOWN_KEY = 'pals-digest-day';
/** How often an open page asks again what needs attention (a new day brings a new digest). */
const RECHECK_MS = 60 * 60 * 1000;

/** True in the desktop app (its preload provides the API; its main process notifies). */
export const isDesktop = (): boolean => typeof window !== 'undefined' && window.pals !== undefined;

/** The browser's notifications, if it has them (undefined in the desktop app and old browsers). */
export function browserNotifications(): typeof Notification | undefined {
  return !isDesktop() && typeof Notification !== 'undefined' ? Notification : undefined;
}

function lastShown(): string | null {
  try {
    return localStorage.getItem(SHOWN_KEY);
  } catch {
    return null;
  }
}

/** Shows the digest now (empty digests say nothing); a click opens the first card. */
export function showBrowserDigest(attention: Attention, openCard: (id: string) => void): boolean {
  const api = browserNotifications();
  const text = digestText(attention.items);
  if (!api || api.permission !== 'granted' || !text) return false;
  const note = new api(text.title, { body: text.body, tag: 'pals-digest' });
  const first = attention.items[0];
  note.onclick = () => {
    window.focus();
    if (first) openCard(first.id);
    note.close();
  };
  try {
    localStorage.setItem(SHOWN_KEY, attention.today);
  } catch {
    // A browser without storage shows the digest again on the next load; nothing is lost.
  }
  return true;
}

/** Keeps the digest coming while the page is open: at start, then once on each new day. */
export function useBrowserDigest(): void {
  const store = useStoreApi();
  const attention = useAppStore((s) => s.attention);
  const on = useAppStore((s) => s.board?.settings.notifications ?? false);
  useEffect(() => {
    if (!on || !attention || lastShown() === attention.today) return;
    showBrowserDigest(attention, store.getState().openCard);
  }, [on, attention, store]);
  useEffect(() => {
    if (!browserNotifications()) return undefined;
    const timer = setInterval(() => void store.getState().loadAttention(), RECHECK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [store]);
}
