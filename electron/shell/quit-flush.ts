/**
 * Quitting waits for the data to be on disk: the first `before-quit` is held back while the
 * store (and the window's place) is flushed, then the quit goes ahead. A flush that fails is
 * reported and never blocks quitting forever.
 */
import type { App } from 'electron';
import { describeError } from './notices.js';

/** Holds the first quit until `flush` settles, then quits for real. */
export function flushBeforeQuit(app: Pick<App, 'on' | 'quit'>, flush: () => Promise<void>): void {
  let state: 'running' | 'flushing' | 'flushed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    flush()
      .catch((error: unknown) => {
        console.error(`error: could not save everything before quitting: ${describeError(error)}`);
      })
      .finally(() => {
        state = 'flushed';
        app.quit();
      });
  });
}
