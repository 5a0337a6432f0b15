/** Background sync in the desktop app: every 15 minutes while a GitHub token is set. */
import type { Core } from '../core/open-core.js';

const EVERY_MS = 15 * 60_000;

/** Starts the timer; the result (and any error) reaches the windows through the sync events and the store. */
export function startPeriodicSync(call: Core['call'], everyMs = EVERY_MS): NodeJS.Timeout {
  const timer = setInterval(() => {
    void (async () => {
      const status = await call('githubStatus', {});
      if (status.ok && status.value.tokenSet) await call('syncNow', {});
    })();
  }, everyMs);
  timer.unref();
  return timer;
}
