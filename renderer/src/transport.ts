/**
 * The renderer's one way to the core: `window.pals` when the Electron preload provides it,
 * otherwise the same contract over HTTP (`pals serve`). Components never know which.
 */
import { makeClient } from '../../shared/api-client.js';
import { API_EVENT_NAMES, channelOf } from '../../shared/api-names.js';
import type { ApiEvent, ApiEvents, ApiResponse, PalsApi } from '../../shared/api.js';

declare global {
  interface Window {
    readonly pals?: PalsApi;
  }
}

/** The contract over `POST /api/<call>` and Server-Sent Events; the token travels in a cookie. */
export function httpClient(base = ''): PalsApi {
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const ensureSource = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    for (const name of API_EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
  };
  return makeClient(
    async (name, args) => {
      try {
        const response = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pals-channel': channelOf(name) },
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
        if (response.status === 401) {
          // A restarted `pals serve` has a new access token; this page's cookie is the old one.
          return {
            ok: false,
            error: {
              code: 'unauthorized',
              message: '`pals serve` was restarted: open the address it printed (unsaved note text is kept in this browser)',
            },
          };
        }
        return (await response.json()) as ApiResponse<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'offline', message: 'the Security Pals Desk core is not reachable (was `pals serve` stopped?)' },
        };
      }
    },
    <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
      ensureSource();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}

/** The API this renderer uses. */
export const pals: PalsApi = window.pals ?? httpClient();
