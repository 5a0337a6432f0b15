/**
 * The GitHub client: @octokit/rest, bounded so it can never hang or wait for long. Every
 * request has its own timeout; connection failures are not retried (offline fails fast); GitHub's
 * rate limits are honoured by rate-limits.ts (a 5xx is retried twice; a short `retry-after` or
 * a near reset is waited for; a primary limit that lasts, or a long secondary one, is not, and
 * the sync stops saying when to try again).
 */
import { Octokit } from '@octokit/rest';
import { sameOriginFetch } from './api-origin.js';
import { TransportError } from './errors.js';
import { refuseLabelWipe } from './label-guard.js';
import { installRateLimits, type Clock } from './rate-limits.js';
import { abortReason, watchdogOf } from './watchdog.js';
import { DEFAULT_API_URL } from './api-url.js';
import { readBodyUpTo } from '../http-body.js';

/** The public API; `--api-url` and tests point elsewhere. */

/** An Octokit with the desk's request hook (it adds behaviour, not methods). */
export type GithubClient = Octokit;

export interface ClientOptions {
  readonly token: string | null;
  readonly baseUrl?: string;
  /** One request (answer and body); default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Retries of a 5xx answer; default 2. */
  readonly retries?: number;
  /** One of GitHub's seconds: a 5xx waits 1, 4 × this, `retry-after: n` n × this; default 1 s. */
  readonly waitUnitMs?: number;
  /** Rate limits: how many waits one request may make, and the longest `retry-after` honoured (seconds). */
  readonly secondaryRetries?: number;
  readonly maxRetryAfterS?: number;
  /** The fetch to wrap (tests); default the global one. */
  readonly fetch?: typeof fetch;
  /** The time and waits of the rate-limit rules (tests: a virtual clock); default the real ones. */
  readonly clock?: Clock;
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Failures to connect at all: GitHub cannot be reached, so the whole sync stops at once. */
const OFFLINE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/** Failures of one connection that did open: only that request fails. */
const DROPPED: Readonly<Record<string, string>> = {
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
};

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function hostOf(input: unknown): string {
  try {
    return new URL(input instanceof Request ? input.url : String(input)).host;
  } catch {
    return 'GitHub';
  }
}

/** The requests in flight under each caller's signal, aborted together by one listener on it. */
const inFlight = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Makes `controller` abort when `outer` does, until the returned function is called. One
 * listener per outer signal (a sync's), not one per request: no listener churn per request, and
 * no warning about too many listeners however many requests run at once.
 */
function follow(outer: AbortSignal, controller: AbortController): () => void {
  let requests = inFlight.get(outer);
  if (!requests) {
    const set = new Set<AbortController>();
    inFlight.set(outer, set);
    outer.addEventListener(
      'abort',
      () => {
        for (const c of set) c.abort(outer.reason);
        set.clear();
      },
      { once: true },
    );
    requests = set;
  }
  requests.add(controller);
  return () => requests.delete(controller);
}

/**
 * The most of a file's contents the desk reads (the self-assessment: tens of KB; GitHub serves
 * files of up to 100 MB raw), and of any other answer (a page of 100 issues stays far below it):
 * a hostile or runaway answer must not fill the memory.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** The limit of the answer to `url`: a file's contents (`…/repos/{o}/{r}/contents/…`) or anything else. */
function answerLimit(input: unknown): number {
  try {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    return /\/repos\/[^/]+\/[^/]+\/contents(\/|$)/.test(path) ? MAX_FILE_BYTES : MAX_ANSWER_BYTES;
  } catch {
    return MAX_FILE_BYTES;
  }
}

/** Reads a body up to `limit` bytes (after decompression); a longer one is refused, unread past the limit. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  const bytes = await readBodyUpTo(response, limit);
  if (bytes !== null) return bytes;
  throw new TransportError(
    'too-large',
    `GitHub's answer is larger than ${limit / 1024 / 1024} MB, more than the desk reads; it was left unread`,
  );
}

/** Statuses whose answer has no body (a Response cannot be built with one). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * fetch with a per-request timeout over the answer and its body, answers reported to the
 * sync's watchdog, failures as TransportError. The body is read here, inside the timeout: a
 * body that stalls or breaks off is a timeout or a dropped connection like any other (Octokit
 * would read it later and take a broken one for an empty answer), and the timer is cleared as
 * soon as the request is done rather than left running for the whole timeout.
 */
export function boundedFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const outer = init.signal ?? undefined;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The request timed out', 'TimeoutError'));
    }, timeoutMs);
    if (outer?.aborted) controller.abort(outer.reason);
    const unfollow = outer && !outer.aborted ? follow(outer, controller) : undefined;
    try {
      const response = await base(input, { ...init, signal: controller.signal });
      if (NO_BODY.has(response.status)) {
        // Nothing more to read (a 304, the common answer of a re-sync): done as it is.
        watchdogOf(outer)?.touch();
        return response;
      }
      const body = await readLimited(response, answerLimit(input));
      watchdogOf(outer)?.touch();
      const answer = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      // Octokit reports the answer's URL (after redirects); a built Response has none of its own.
      Object.defineProperty(answer, 'url', { value: response.url });
      return answer;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (outer?.aborted) throw new TransportError('stopped', abortReason(outer));
      if (timedOut) throw new TransportError('timeout', `GitHub did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
      const code = causeCode(error) ?? '';
      if (DROPPED[code]) throw new TransportError('dropped', `the connection to GitHub broke (${DROPPED[code]}); try again`);
      const what = OFFLINE[code] ?? (code || 'no connection');
      throw new TransportError('offline', `cannot reach GitHub at ${hostOf(input)} (${what}); check the network connection and try again`);
    } finally {
      clearTimeout(timer);
      unfollow?.();
    }
  };
}

/**
 * Builds a client; it prints nothing, ever (Octokit logs to the console unless told not to).
 * Every request it makes goes through one fetch limited to the API address (api-origin.ts): a
 * call cannot swap it for another, so pagination, redirects and any URL an answer names stay
 * inside the API, or are refused unsent.
 */
export function createGithubClient(options: ClientOptions): GithubClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const guarded = boundedFetch(options.requestTimeoutMs ?? 10_000, refuseLabelWipe(sameOriginFetch(baseUrl, options.fetch)));
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl,
    userAgent: 'security-pals-desk',
    log: silent,
    request: { fetch: guarded, log: silent },
  });
  octokit.hook.before('request', (request) => {
    // A call's own `request: { fetch }` would otherwise replace the guarded one.
    request.request = { ...request.request, fetch: guarded };
  });
  installRateLimits(octokit, {
    retries: options.retries ?? 2,
    limitRetries: options.secondaryRetries ?? 2,
    maxRetryAfterS: options.maxRetryAfterS ?? 10,
    unitMs: options.waitUnitMs ?? 1000,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return octokit;
}
