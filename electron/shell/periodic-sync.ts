/** Background sync in the desktop app: every 15 minutes while a GitHub token is set. */
import type { Handlers } from '../core/handlers.js';

const EVERY_MS = 15 * 60_000;

/** Starts the timer; the result (and any error) reaches the windows through the sync events and the store. */
export function startPeriodicSync(handlers: Pick<Handlers, 'githubStatus' | 'syncNow'>, everyMs = EVERY_MS): NodeJS.Timeout {
  const timer = setInterval(() => {
    handlers
      .githubStatus({})
      .then((status) => (status.tokenSet ? handlers.syncNow({}) : undefined))
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return timer;
}
