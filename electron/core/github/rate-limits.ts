/**
 * GitHub's rate limits, handled the way its REST documentation asks ("Rate limits for the REST
 * API", "Best practices for using the REST API"), in one Octokit request hook. It replaces
 * @octokit/plugin-throttling and @octokit/plugin-retry, whose Bottleneck schedulers cost about
 * 4 ms a request: most of an unchanged re-sync, where every answer is a free 304.
 *
 * - `retry-after` on a 403/429: no request of this client goes out for that many seconds; then
 *   the request is retried, at most `limitRetries` times. A longer wait than `maxRetryAfterS`
 *   is not waited for: the request fails with SlowDownError and the sync stops.
 * - `x-ratelimit-remaining: 0` (primary limit): nothing goes out until `x-ratelimit-reset`. That
 *   is waited for only when the reset is that near; otherwise the error goes up and the sync
 *   stops, saying when the limit resets.
 * - A secondary limit without `retry-after` (a 429, or a 403 saying so): GitHub asks for at least
 *   a minute, so the sync stops.
 * - Mutative requests start at least 1 s apart (GitHub: "wait at least one second between each
 *   request"); searches 2 s apart (search allows 30 requests a minute).
 * - Every request is paced ahead of the secondary limits (pace.ts: 900 points a minute, a write
 *   5 points, 80 content changes a minute and 500 an hour): a small sync never waits, a large
 *   one slows to GitHub's pace instead of being refused; a 304 gives its point back.
 * - A 5xx is retried `retries` times, after 1 and 4 s.
 * Nothing else waits: GETs go straight out, as many at once as the caller sends (sync.ts
 * bounds that). Errors without an HTTP answer (TransportError) are never retried here.
 */
import type { Octokit } from '@octokit/rest';
import { errorHeaders, SlowDownError, TransportError } from './errors.js';
import { Pacer } from './pace.js';
import { abortReason, watchdogOf } from './watchdog.js';

/** Waits `ms`; rejects with TransportError('stopped') if `signal` aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The time and the waits of the rules (tests pass a virtual one, so nothing is timed). */
export interface Clock {
  readonly now: () => number;
  readonly sleep: Sleep;
}

export interface LimitOptions {
  /** Retries of a 5xx answer. */
  readonly retries: number;
  /** Waits for a rate limit (retry-after, or a near reset) one request may make. */
  readonly limitRetries: number;
  /** The longest wait honoured, in GitHub's seconds; a longer one is not waited for. */
  readonly maxRetryAfterS: number;
  /** One of GitHub's seconds, in ms (1000; tests shrink it). */
  readonly unitMs: number;
  /** Default the real time and `sleep`. */
  readonly clock?: Clock;
  /** The secondary-limit pace (pace.ts); default one of the client's own. */
  readonly pacer?: Pacer;
}

type Headers = Record<string, string | number | undefined>;

/** A timer the request's signal cuts short; it keeps the process alive while it runs, like a request would. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TransportError('stopped', abortReason(signal)));
      return;
    }
    const stop = () => {
      clearTimeout(timer);
      reject(new TransportError('stopped', abortReason(signal!)));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });

/** What to do after a failed request. */
export type Plan =
  | { readonly kind: 'throw' }
  | { readonly kind: 'retry'; readonly after: 'server-error' | 'rate-limit'; readonly waitS: number }
  | { readonly kind: 'stop'; readonly error: SlowDownError };

const THROW: Plan = { kind: 'throw' };

/** `retry-after` in seconds (GitHub sends seconds; an HTTP date is read too); null without one. */
function retryAfterS(value: string | number | undefined, nowMs: number): number | null {
  if (value === undefined || value === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(String(value));
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - nowMs) / 1000)) : null;
}

/**
 * How long GitHub asked us to wait, in seconds: from `retry-after`, else until the primary
 * limit's reset (plus a second, to ask after it); 'unsaid' for a rate limit that names no
 * time; null when the answer is no rate limit at all (a 403 for want of permission).
 */
function askedWait(
  status: number,
  message: string,
  headers: Headers,
  nowMs: number,
): { waitS: number | 'unsaid'; primary: boolean } | null {
  const after = retryAfterS(headers['retry-after'], nowMs);
  if (after !== null) return { waitS: after, primary: false };
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? { waitS: Math.max(0, Math.ceil(reset - nowMs / 1000)) + 1, primary: true } : null;
  }
  if (status === 429 || /rate limit/i.test(message)) return { waitS: 'unsaid', primary: false };
  return null;
}

/**
 * The decision after `error`, given how often this request already waited. Pure, for tests:
 * see the file comment for the rules.
 */
export function planAfter(
  error: unknown,
  tries: { readonly serverErrors: number; readonly limitWaits: number },
  limits: Pick<LimitOptions, 'retries' | 'limitRetries' | 'maxRetryAfterS'>,
  nowMs: number,
): Plan {
  // No HTTP answer (offline, timed out, stopped): @octokit/request sets status 500 on these, so look first.
  if (error instanceof TransportError) return THROW;
  const status = (error as { status?: unknown }).status;
  const headers = errorHeaders(error);
  if (typeof status !== 'number' || !headers) return THROW;
  if (status >= 500) {
    return tries.serverErrors < limits.retries ? { kind: 'retry', after: 'server-error', waitS: (tries.serverErrors + 1) ** 2 } : THROW;
  }
  if (status !== 403 && status !== 429) return THROW;
  const asked = askedWait(status, (error as { message?: string }).message ?? '', headers, nowMs);
  if (!asked) return THROW;
  const short = asked.waitS !== 'unsaid' && asked.waitS <= limits.maxRetryAfterS;
  if (short && tries.limitWaits < limits.limitRetries) return { kind: 'retry', after: 'rate-limit', waitS: asked.waitS as number };
  // A primary limit goes up as it is (errors.ts says until when); so does a short secondary
  // wait already retried enough (that issue fails, the sync goes on).
  if (asked.primary || short) return THROW;
  return { kind: 'stop', error: new SlowDownError(asked.waitS === 'unsaid' ? null : asked.waitS, status, headers) };
}

/** Which requests GitHub asks to space out, and by how many of its seconds. */
function spacingOf(options: { method?: string; url?: string; baseUrl?: string }): 'write' | 'search' | null {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return 'write';
  const url = options.url ?? '';
  const path = options.baseUrl && url.startsWith(options.baseUrl) ? url.slice(options.baseUrl.length) : url;
  return path.startsWith('/search/') ? 'search' : null;
}

const SPACING_S = { write: 1, search: 2 } as const;

/** Installs the rules on `octokit` (every request it makes, pagination included). */
export function installRateLimits(octokit: Octokit, limits: LimitOptions): void {
  const clock = limits.clock ?? { now: Date.now, sleep };
  const pacer = limits.pacer ?? new Pacer(clock.now(), limits.unitMs);
  /** No request goes out before this time (ms since the epoch): GitHub asked everyone to wait. */
  let heldUntil = 0;
  /** The earliest start of the next write / search. */
  const nextStart = { write: 0, search: 0 };

  /** Waits `ms` on purpose, telling the sync's watchdog so it does not take the silence for a stall. */
  const pause = async (ms: number, signal: AbortSignal | undefined) => {
    if (ms <= 0) return;
    watchdogOf(signal)?.extend(ms);
    await clock.sleep(ms, signal);
  };

  /** Waits out a hold, and any later hold set meanwhile. */
  const passHold = async (signal: AbortSignal | undefined) => {
    let waitedFor = 0;
    while (heldUntil > Math.max(waitedFor, clock.now())) {
      waitedFor = heldUntil;
      await pause(waitedFor - clock.now(), signal);
    }
  };

  octokit.hook.wrap('request', async (request, options) => {
    const signal = options.request?.signal ?? undefined;
    const spacing = spacingOf(options);
    const tries = { serverErrors: 0, limitWaits: 0 };
    for (;;) {
      if (spacing) {
        // Reserved at once, so requests queued together are spaced from each other too.
        const now = clock.now();
        const start = Math.max(now, nextStart[spacing]);
        nextStart[spacing] = start + SPACING_S[spacing] * limits.unitMs;
        await pause(start - now, signal);
      }
      const ticket = pacer.admit(options.method ?? 'GET', clock.now());
      await pause(ticket.waitMs, signal);
      // Last, so a hold GitHub asked for meanwhile is honoured whatever else was waited for.
      if (heldUntil > clock.now()) await passHold(signal);
      try {
        return await request(options);
      } catch (error) {
        // A conditional hit costs nothing; a request refused unsent reached nobody.
        const status = (error as { status?: unknown }).status;
        const unsent = error instanceof TransportError && (error.reason === 'off-origin' || error.reason === 'refused');
        if (status === 304 || unsent) ticket.refund(clock.now());
        const plan = planAfter(error, tries, limits, clock.now());
        if (plan.kind === 'throw') throw error;
        if (plan.kind === 'stop') throw plan.error;
        const ms = plan.waitS * limits.unitMs;
        if (plan.after === 'server-error') {
          tries.serverErrors++;
          await pause(ms, signal);
        } else {
          // A rate limit is the token's, not this request's: hold every request of the client.
          tries.limitWaits++;
          heldUntil = Math.max(heldUntil, clock.now() + ms);
        }
      }
    }
  });
}
