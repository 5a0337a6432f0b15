/**
 * The GitHub client: @octokit/rest with plugin-throttling and plugin-retry, bounded so it can
 * never hang or wait for long. Every request has its own timeout; connection failures are not
 * retried (offline fails fast); 5xx are retried twice; a primary rate limit is never waited for
 * (the sync stops and reports the reset time); a secondary one is waited for only briefly.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TransportError } from './errors.js';
import { abortReason, watchdogOf } from './watchdog.js';

/** The public API; `--api-url` and tests point elsewhere. */
export const DEFAULT_API_URL = 'https://api.github.com';

const GithubOctokit: typeof Octokit = Octokit.plugin(retry, throttling);

/** An Octokit with the desk's plugins (they add behaviour, not methods we use). */
export type GithubClient = Octokit;

export interface ClientOptions {
  readonly token: string | null;
  readonly baseUrl?: string;
  /** One request (answer and body); default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Retries of a 5xx answer; default 2. */
  readonly retries?: number;
  /** Base of every wait (plugin-retry waits 1, 4… × this; retry-after seconds × this); default 1 s. */
  readonly waitUnitMs?: number;
  /** Secondary rate limits: how many retries, and the longest retry-after honoured (seconds). */
  readonly secondaryRetries?: number;
  readonly maxRetryAfterS?: number;
  /** The fetch to wrap (tests); default the global one. */
  readonly fetch?: typeof fetch;
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

/** fetch with a per-request timeout, answers reported to the sync's watchdog, failures as TransportError. */
export function boundedFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const outer = init.signal ?? undefined;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    try {
      const response = await base(input, { ...init, signal });
      watchdogOf(outer)?.touch();
      return response;
    } catch (error) {
      if (outer?.aborted) throw new TransportError('stopped', abortReason(outer));
      if (timeout.aborted) throw new TransportError('timeout', `GitHub did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
      const code = causeCode(error) ?? '';
      if (DROPPED[code]) throw new TransportError('dropped', `the connection to GitHub broke (${DROPPED[code]}); try again`);
      const what = OFFLINE[code] ?? (code || 'no connection');
      throw new TransportError('offline', `cannot reach GitHub at ${hostOf(input)} (${what}); check the network connection and try again`);
    }
  };
}

/** Builds a client; it prints nothing, ever (Octokit logs to the console unless told not to). */
export function createGithubClient(options: ClientOptions): GithubClient {
  const unit = options.waitUnitMs ?? 1000;
  const secondaryRetries = options.secondaryRetries ?? 2;
  const maxRetryAfterS = options.maxRetryAfterS ?? 10;
  return new GithubOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: 'security-pals-desk',
    log: silent,
    request: { fetch: boundedFetch(options.requestTimeoutMs ?? 10_000, options.fetch), log: silent },
    retry: { retries: options.retries ?? 2, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      // A primary limit lasts until its reset (up to an hour): never wait, stop and say when.
      onRateLimit: () => false,
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { request?: { signal?: AbortSignal } },
        _octokit: unknown,
        retryCount: number,
      ) => {
        if (retryCount >= secondaryRetries || retryAfter > maxRetryAfterS) return false;
        watchdogOf(request.request?.signal)?.extend(retryAfter * unit);
        return true;
      },
    },
  });
}
