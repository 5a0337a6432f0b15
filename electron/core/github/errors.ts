/**
 * What a failed GitHub request means for a sync, in words a coordinator can act on: skip that
 * issue (`failed`), mark its link broken (`gone`), or stop the whole sync (`fatal`).
 */
import type { RateLimit } from '../../../shared/github/report.js';
import { clockTime } from '../lib/clock-time.js';

/**
 * A request that never got (all of) an HTTP answer (offline, timed out, sync stopped, an answer
 * too large to read), or was never sent (outside the API address: api-origin.ts; a request the
 * desk never makes: label-guard.ts). Named
 * `AbortError` on purpose: @octokit/request rethrows such errors as they are (it only sets
 * `status` 500 on them), so the reason survives; rate-limits.ts never retries them.
 */
export class TransportError extends Error {
  override readonly name = 'AbortError';
  constructor(
    readonly reason: 'offline' | 'dropped' | 'timeout' | 'stopped' | 'too-large' | 'off-origin' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

/**
 * GitHub asked for a longer pause than a sync waits (a secondary rate limit whose `retry-after`
 * is long, or names no time: then at least a minute). Every further request would be refused,
 * and asking on anyway can get the integration banned, so the whole sync stops (rate-limits.ts).
 */
export class SlowDownError extends Error {
  override readonly name = 'SlowDownError';
  readonly response: { readonly headers: Record<string, string | number | undefined> };
  constructor(
    /** Seconds GitHub asked for; null when it did not say. */
    readonly retryAfterS: number | null,
    readonly status: number,
    headers: Record<string, string | number | undefined>,
  ) {
    super(
      `GitHub asked to slow down (secondary rate limit); try again ${retryAfterS === null ? 'in a few minutes' : `in ${retryAfterS} s`}`,
    );
    this.response = { headers };
  }
}

/**
 * GitHub answered, but not with what was asked: not an issue, or another issue than the one the
 * card links (an issue moves only through GitHub's own redirect; fetch-issue.ts). That issue
 * fails with this message and its link is left as it was.
 */
export class WrongAnswerError extends Error {
  override readonly name = 'WrongAnswerError';
}

/** The sync-level meaning of a failure. */
export interface Problem {
  readonly kind: 'not-modified' | 'gone' | 'failed' | 'fatal';
  readonly message: string;
}

/** What every refused token is told (CLI and app). */
export const TOKEN_REFUSED =
  'GitHub refused the token: create a new one (classic with the `repo` scope, or fine-grained with read and write access to issues) and set it again';

interface HttpErrorLike {
  readonly status: number;
  readonly message?: string;
  readonly response?: { readonly headers?: Record<string, string | number | undefined> };
}

function isHttpError(error: unknown): error is HttpErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

/** Response headers of an Octokit error, if it had a response. */
export function errorHeaders(error: unknown): Record<string, string | number | undefined> | undefined {
  return isHttpError(error) ? error.response?.headers : undefined;
}

/** The last reset time converted (every answer of a sync states the same one, hour after hour). */
let lastReset = { epoch: Number.NaN, iso: '' };

/** Reads GitHub's core rate-limit headers (search has its own limit and is left out). */
export function rateLimitOf(headers: Record<string, string | number | undefined> | undefined): RateLimit | null {
  if (!headers) return null;
  const resource = headers['x-ratelimit-resource'];
  if (resource !== undefined && resource !== 'core') return null;
  if (headers['x-ratelimit-remaining'] === undefined) return null;
  const remaining = Number(headers['x-ratelimit-remaining']);
  const limit = Number(headers['x-ratelimit-limit']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(remaining) || !Number.isFinite(limit) || !Number.isFinite(reset)) return null;
  if (reset !== lastReset.epoch) lastReset = { epoch: reset, iso: new Date(reset * 1000).toISOString() };
  return { remaining, limit, reset: lastReset.iso };
}

/** GitHub's own message, one line, without the documentation link. */
function githubMessage(error: HttpErrorLike): string {
  const text = (error.message ?? '')
    .replace(/\s+-\s+https?:\/\/\S+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** Classifies an error from a GitHub request. */
export function classify(error: unknown): Problem {
  if (error instanceof TransportError) {
    const fatal = error.reason === 'offline' || error.reason === 'stopped';
    return { kind: fatal ? 'fatal' : 'failed', message: error.message };
  }
  if (error instanceof SlowDownError) return { kind: 'fatal', message: error.message };
  if (error instanceof WrongAnswerError) return { kind: 'failed', message: error.message };
  if (!isHttpError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', message: `unexpected failure: ${text.slice(0, 200)}` };
  }
  const { status } = error;
  const headers = error.response?.headers ?? {};
  if (status === 304) return { kind: 'not-modified', message: 'not modified' };
  if (status === 401) return { kind: 'fatal', message: TOKEN_REFUSED };
  if (status === 404 || status === 410) {
    return {
      kind: 'gone',
      message: `the issue is gone or private (${status}); check the link, and that the token may read the repository`,
    };
  }
  if ((status === 403 || status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    const limit = rateLimitOf(headers);
    const until = limit ? `until ${clockTime(limit.reset)}` : 'for now';
    return { kind: 'fatal', message: `GitHub's API rate limit is used up ${until}; try again after that` };
  }
  if (status === 429 || (status === 403 && (headers['retry-after'] !== undefined || /secondary rate/i.test(error.message ?? '')))) {
    const after = Number(headers['retry-after']);
    const when = Number.isFinite(after) && after > 0 ? `in ${after} s` : 'in a minute';
    return { kind: 'failed', message: `GitHub asked to slow down (secondary rate limit); try again ${when}` };
  }
  if (status >= 500) return { kind: 'failed', message: `GitHub had a server error (${status}); try again later` };
  return { kind: 'failed', message: `GitHub refused the request (${status}): ${githubMessage(error)}` };
}
