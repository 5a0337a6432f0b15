/** GitHub's rate limits in the client's request hook: what is retried, what waits, what stops; waits recorded, never timed. */
import { describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../../electron/core/github/client.js';
import { classify, SlowDownError, TransportError } from '../../../../electron/core/github/errors.js';
import { planAfter, sleep } from '../../../../electron/core/github/rate-limits.js';

const limits = { retries: 2, limitRetries: 2, maxRetryAfterS: 10 };
const fresh = { serverErrors: 0, limitWaits: 0 };
const NOW = Date.UTC(2026, 10, 27, 10, 0, 0);

/** An error shaped like Octokit's RequestError. */
function httpError(status: number, headers: Record<string, string> = {}, message = 'Something'): Error {
  return Object.assign(new Error(message), { status, response: { headers } });
}

describe('planAfter', () => {
  it('retries a 5xx twice, after 1 and 4 s, then lets it go', () => {
    expect(planAfter(httpError(502), fresh, limits, NOW)).toEqual({ kind: 'retry', after: 'server-error', waitS: 1 });
    expect(planAfter(httpError(500), { serverErrors: 1, limitWaits: 0 }, limits, NOW)).toEqual({
      kind: 'retry',
      after: 'server-error',
      waitS: 4,
    });
    expect(planAfter(httpError(503), { serverErrors: 2, limitWaits: 0 }, limits, NOW)).toEqual({ kind: 'throw' });
  });

  it('never retries what got no answer (Octokit marks those 500), nor answers that are no rate limit', () => {
    const offline = Object.assign(new TransportError('offline', 'cannot reach GitHub'), { status: 500 });
    expect(planAfter(offline, fresh, limits, NOW)).toEqual({ kind: 'throw' });
    for (const status of [304, 401, 404, 410, 422]) expect(planAfter(httpError(status), fresh, limits, NOW)).toEqual({ kind: 'throw' });
    const forbidden = httpError(403, {}, 'Resource not accessible by integration');
    expect(planAfter(forbidden, fresh, limits, NOW)).toEqual({ kind: 'throw' });
    expect(planAfter(new Error('odd'), fresh, limits, NOW)).toEqual({ kind: 'throw' });
  });

  it('waits a short retry-after (seconds or an HTTP date) at most twice; the third time the error goes up', () => {
    const limited = httpError(429, { 'retry-after': '5' });
    expect(planAfter(limited, fresh, limits, NOW)).toEqual({ kind: 'retry', after: 'rate-limit', waitS: 5 });
    expect(planAfter(limited, { serverErrors: 0, limitWaits: 2 }, limits, NOW)).toEqual({ kind: 'throw' });
    const dated = httpError(403, { 'retry-after': new Date(NOW + 7_000).toUTCString() }, 'You have exceeded a secondary rate limit');
    expect(planAfter(dated, fresh, limits, NOW)).toEqual({ kind: 'retry', after: 'rate-limit', waitS: 7 });
  });

  it('stops on a long retry-after, or a secondary limit that names no wait', () => {
    const long = planAfter(httpError(403, { 'retry-after': '60' }), fresh, limits, NOW);
    expect(long).toMatchObject({ kind: 'stop', error: { retryAfterS: 60, status: 403 } });
    const unsaid = planAfter(httpError(403, {}, 'You have exceeded a secondary rate limit.'), fresh, limits, NOW);
    expect(unsaid).toMatchObject({ kind: 'stop', error: { retryAfterS: null } });
    expect(planAfter(httpError(429), fresh, limits, NOW)).toMatchObject({ kind: 'stop' });
    if (long.kind !== 'stop') throw new Error('expected a stop');
    expect(classify(long.error)).toEqual({ kind: 'fatal', message: 'GitHub asked to slow down (secondary rate limit); try again in 60 s' });
  });

  it('waits for a primary limit only when it resets within the longest wait; otherwise the error goes up', () => {
    const at = (inS: number) => ({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-reset': String(NOW / 1000 + inS),
    });
    expect(planAfter(httpError(403, at(4)), fresh, limits, NOW)).toEqual({ kind: 'retry', after: 'rate-limit', waitS: 5 });
    expect(planAfter(httpError(403, at(3600)), fresh, limits, NOW)).toEqual({ kind: 'throw' });
    expect(planAfter(httpError(429, at(4)), { serverErrors: 0, limitWaits: 2 }, limits, NOW)).toEqual({ kind: 'throw' });
    // errors.ts then stops the sync and says when.
    expect(classify(httpError(403, at(3600)))).toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/rate limit is used up until/),
    });
  });
});

/**
 * A virtual clock. Waits are recorded; they pass at once (time moves on by the wait), or, when
 * `held`, only at `wake()` (time moves on by the longest wait asked for).
 */
function virtualClock(held = false) {
  let t = NOW;
  const waits: number[] = [];
  let wake!: () => void;
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const asked: { n: number; resolve: () => void }[] = [];
  return {
    waits,
    clock: {
      now: () => t,
      sleep: (ms: number) => {
        waits.push(ms);
        for (const a of asked.filter((x) => waits.length >= x.n)) a.resolve();
        if (!held) t += ms;
        return held ? woken : Promise.resolve();
      },
    },
    wake: () => {
      t += Math.max(0, ...waits);
      wake();
    },
    /** Resolves once `n` waits were asked for. */
    reached: (n: number) =>
      new Promise<void>((resolve) => {
        if (waits.length >= n) resolve();
        else asked.push({ n, resolve });
      }),
  };
}

/** The URL a fetch was called with. */
const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the client', () => {
  it('holds every request of the client while GitHub asked to wait, not only the one that was told', async () => {
    const sent: string[] = [];
    let limitedOnce = false;
    const fetchFn: typeof fetch = (input) => {
      const path = new URL(urlOf(input)).pathname;
      sent.push(path);
      if (path === '/a' && !limitedOnce) {
        limitedOnce = true;
        return Promise.resolve(json(429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '5' }));
      }
      return Promise.resolve(json(200, { path }));
    };
    const time = virtualClock(true);
    const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: fetchFn, clock: time.clock, waitUnitMs: 60_000 });
    const a = gh.request('GET /a');
    await time.reached(1);
    const b = gh.request('GET /b');
    await time.reached(2);
    expect(sent).toEqual(['/a']);
    expect(time.waits).toEqual([300_000, 300_000]);
    time.wake();
    expect((await a).data).toEqual({ path: '/a' });
    expect((await b).data).toEqual({ path: '/b' });
    expect(sent.slice(1).sort()).toEqual(['/a', '/b']);
  });

  it('starts writes 1 s apart and searches 2 s apart, and lets reads go at once', async () => {
    const time = virtualClock();
    const fetchFn: typeof fetch = () => Promise.resolve(json(200, { total_count: 0, items: [] }));
    const unit = 60_000;
    const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: fetchFn, clock: time.clock, waitUnitMs: unit });
    await gh.request('GET /repos/o/r/issues/1');
    await gh.request('GET /repos/o/r/issues/2');
    expect(time.waits).toEqual([]);
    await gh.request('POST /repos/o/r/issues/1/labels', { labels: ['x'] });
    await gh.request('DELETE /repos/o/r/issues/1/labels/y');
    expect(time.waits).toEqual([unit]);
    await gh.request('GET /search/issues', { q: 'a' });
    await gh.request('GET /search/issues', { q: 'b' });
    expect(time.waits).toEqual([unit, 2 * unit]);
    // Time that has passed counts: a write long after the last one goes at once.
    await gh.request('POST /repos/o/r/issues/2/labels', { labels: ['x'] });
    expect(time.waits).toEqual([unit, 2 * unit]);
  });

  it('waits 1 and 4 units between 5xx retries, and reports the third', async () => {
    let calls = 0;
    const fetchFn: typeof fetch = () => Promise.resolve(json(++calls <= 3 ? 502 : 200, { message: 'Bad Gateway' }));
    const time = virtualClock();
    const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: fetchFn, clock: time.clock, waitUnitMs: 7 });
    await expect(gh.request('GET /x')).rejects.toMatchObject({ status: 502 });
    expect(calls).toBe(3);
    expect(time.waits).toEqual([7, 28]);
  });

  it('reads the body within the request: one that breaks off is a dropped connection, not an empty answer', async () => {
    const broken = Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } });
    const fetchFn: typeof fetch = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"url":'));
              controller.error(broken);
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
      );
    const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: fetchFn });
    const error: unknown = await gh.request('GET /repos/o/r/issues/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(classify(error)).toEqual({ kind: 'failed', message: 'the connection to GitHub broke (connection closed); try again' });
  });

  it('turns a long secondary limit into SlowDownError, with the rate-limit headers kept', async () => {
    const headers = {
      'retry-after': '120',
      'x-ratelimit-remaining': '4000',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-reset': '1900000000',
    };
    const fetchFn: typeof fetch = () => Promise.resolve(json(403, { message: 'You have exceeded a secondary rate limit.' }, headers));
    const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: fetchFn });
    const error: unknown = await gh.request('GET /x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlowDownError);
    expect(error).toMatchObject({ status: 403, retryAfterS: 120, response: { headers: { 'x-ratelimit-remaining': '4000' } } });
  });

  it("stops a wait when the sync stops, with the sync's reason (already stopped, or stopping meanwhile)", async () => {
    const stopped = new AbortController();
    stopped.abort(new Error('GitHub refused the token'));
    await expect(sleep(60_000, stopped.signal)).rejects.toMatchObject({
      name: 'AbortError',
      reason: 'stopped',
      message: 'GitHub refused the token',
    });
    const later = new AbortController();
    const waiting = sleep(60_000, later.signal);
    later.abort(new Error('the sync took too long'));
    await expect(waiting).rejects.toBeInstanceOf(TransportError);
    await expect(waiting).rejects.toMatchObject({ message: 'the sync took too long' });
  });
});
