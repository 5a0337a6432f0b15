/**
 * The renderer's one way to the core: `window.pals` when the Electron preload provides it,
 * otherwise the same contract over HTTP (`pals serve`). Components never know which.
 */
import { makeClient } from '../../shared/api-client.js';
import { API_EVENT_NAMES, channelOf } from '../../shared/api-names.js';
import type { ApiEvent, ApiEvents, ApiResponse, PalsApi } from '../../shared/api.js';
import { followEvents } from './serve/event-stream.js';
import { reachability } from './serve/reachability.js';
import { NOT_SIGNED_IN, RESTARTED, startServeSession, TOKEN_HEADER, type ServeSession } from './serve/serve-session.js';

declare global {
  interface Window {
    readonly pals?: PalsApi;
  }
}

const EVENTS: ReadonlySet<string> = new Set(API_EVENT_NAMES);

/** The contract over `POST /api/<call>` and Server-Sent Events; the session token travels in a header. */
export function httpClient(session: ServeSession, base = ''): PalsApi {
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let following = false;
  const auth = (): Record<string, string> => ({ [TOKEN_HEADER]: session.token() ?? '' });
  const ensureEvents = () => {
    if (following) return;
    following = true;
    void session.ready.then(() =>
      followEvents(
        `${base}/api/events`,
        auth,
        ({ event, data }) => {
          if (!EVENTS.has(event)) return;
          const payload = JSON.parse(data) as never;
          for (const listener of listeners.get(event as ApiEvent) ?? []) listener(payload);
        },
        // A stream refused or broken means the core is gone (or restarted); its reopening is often the
        // first answer after a restart, once this browser signed in anew.
        { onOpen: reachability.answered, onLost: reachability.lost },
      ),
    );
  };
  return makeClient(
    async (name, args) => {
      await session.ready;
      const signedIn = session.token() !== null;
      try {
        const response = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pals-channel': channelOf(name), ...auth() },
          body: JSON.stringify(args ?? {}),
          credentials: 'omit',
        });
        if (response.status === 401) {
          // No session in this browser yet, or the one of a `pals serve` that was restarted since.
          reachability.lost();
          const message = session.problem() ?? (signedIn ? RESTARTED : NOT_SIGNED_IN);
          return { ok: false, error: { code: 'unauthorized', message } };
        }
        const answer = (await response.json()) as ApiResponse<unknown>;
        reachability.answered();
        return answer;
      } catch {
        reachability.lost();
        return {
          ok: false,
          error: { code: 'offline', message: 'the Security Pals Desk core is not reachable (was `pals serve` stopped?)' },
        };
      }
    },
    <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
      ensureEvents();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}

/** The `pals serve` session, when this page is served by it (null in the desktop app). */
export const serveSession: ServeSession | null = window.pals ? null : startServeSession();

/** The API this renderer uses. */
export const pals: PalsApi = window.pals ?? httpClient(serveSession!);
