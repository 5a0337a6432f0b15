/**
 * The page's session with `pals serve`. The address `pals serve` prints carries a one-time
 * token in its fragment (`/open#token=…`; a fragment is never sent to any server); the page trades
 * it (`POST /session`) for this run's session token, drops it from the address bar, and keeps
 * the session token in this origin's localStorage, which no other origin — not even another port
 * of 127.0.0.1 — can read (a cookie would be sent to every port). Every API request carries it
 * in the `x-pals-token` header. Other tabs of the same browser on this address share it, so a
 * second window needs no new address; another browser asks for a one-time link.
 */
import type { ApiResponse } from '../../../shared/api.js';

/** Where this origin keeps the session token. */
export const SESSION_KEY = 'pals-serve-session';
/** The header the server reads it from. */
export const TOKEN_HEADER = 'x-pals-token';

/** What the page knows of its session. */
export interface ServeSession {
  /** Settles once a first-load token in the address (if any) was traded. */
  readonly ready: Promise<void>;
  /** The session token, if this browser holds one (read anew: another tab may have signed in). */
  token(): string | null;
  /** Why the first load could not sign in (its address was used or expired). */
  problem(): string | null;
  /** This board's address (a new tab of this browser opens signed in). */
  readonly origin: string;
  /** A one-time address for another browser (it expires unused after a few minutes). */
  linkForAnotherBrowser(): Promise<ApiResponse<{ readonly url: string }>>;
}

function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null; // storage turned off: the session lives in this page only
  }
}

const unreachable = {
  ok: false,
  error: { code: 'offline', message: 'the Security Pals Desk core is not reachable (was `pals serve` stopped?)' },
} as const;

/** Starts the session of a page served by `pals serve` (reads and clears the address's first-load token). */
export function startServeSession(win: Window = window): ServeSession {
  const storage = storageOf(win);
  let memory: string | null = null;
  let problem: string | null = null;
  const token = () => {
    try {
      return storage?.getItem(SESSION_KEY) ?? memory;
    } catch {
      return memory;
    }
  };
  const keep = (value: string) => {
    memory = value;
    try {
      storage?.setItem(SESSION_KEY, value);
    } catch {
      // Kept in memory only.
    }
  };

  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,})/.exec(win.location.hash);
  let ready = Promise.resolve();
  if (match) {
    // Out of the address bar, the history and any bookmark at once.
    win.history.replaceState(win.history.state, '', '/');
    ready = (async () => {
      try {
        const response = await fetch('/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: match[1] }),
          credentials: 'omit',
        });
        const answer = (await response.json()) as ApiResponse<{ token: string }>;
        if (answer.ok) keep(answer.value.token);
        else problem = answer.error.message;
      } catch {
        problem = unreachable.error.message;
      }
    })();
  }

  return {
    ready,
    token,
    problem: () => problem,
    origin: win.location.origin,
    linkForAnotherBrowser: async () => {
      try {
        const response = await fetch('/session/link', {
          method: 'POST',
          headers: { [TOKEN_HEADER]: token() ?? '' },
          credentials: 'omit',
        });
        if (response.status === 401) return { ok: false, error: { code: 'unauthorized', message: NOT_SIGNED_IN } };
        return (await response.json()) as ApiResponse<{ url: string }>;
      } catch {
        return unreachable;
      }
    },
  };
}

/** What a page without a valid session is told. */
export const NOT_SIGNED_IN =
  'this page is not signed in to `pals serve`: open the address it printed (each opens once), or a new tab of a browser where the board is open';
/** What a page whose session ended is told (notes keep their unsaved text in this browser). */
export const RESTARTED = '`pals serve` was restarted: open the address it printed (unsaved note text is kept in this browser)';
