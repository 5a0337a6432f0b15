/**
 * Pacing ahead of GitHub's secondary limits (pace.ts): 900 points a minute (a read 1, a write 5),
 * 80 content changes a minute and 500 an hour. Time is a virtual clock: nothing sleeps.
 */
import { describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../../electron/core/github/client.js';
import { Pacer, TokenBucket } from '../../../../electron/core/github/pace.js';

const T0 = Date.UTC(2026, 11, 7, 10, 0, 0);

/** A clock whose waits pass at once (time moves on by each), recorded. */
function virtualClock() {
  let t = T0;
  const waits: number[] = [];
  return {
    waits,
    clock: {
      now: () => t,
      sleep: (ms: number) => {
        waits.push(ms);
        t += ms;
        return Promise.resolve();
      },
    },
    elapsed: () => t - T0,
  };
}

const answer = (status: number) => () =>
  Promise.resolve(
    status === 304
      ? new Response(null, { status: 304, headers: { etag: 'W/"x"' } })
      : new Response('{"ok":true}', { status, headers: { 'content-type': 'application/json' } }),
  );

function github(status: number) {
  const time = virtualClock();
  const gh = createGithubClient({ token: null, baseUrl: 'http://github.test', fetch: answer(status), clock: time.clock, waitUnitMs: 1000 });
  return { gh, time };
}

describe('TokenBucket', () => {
  it('starts full, refills with time up to its capacity, and queues reservations past empty', () => {
    const b = new TokenBucket(10, 1 / 100, 0);
    expect(b.waitFor(10, 0)).toBe(0);
    b.take(10, 0);
    expect(b.waitFor(1, 0)).toBe(100);
    b.take(1, 0);
    expect(b.waitFor(1, 0)).toBe(200);
    expect(b.waitFor(1, 200)).toBe(0);
    b.give(5, 200);
    expect(b.waitFor(5, 200)).toBe(0);
    expect(b.waitFor(11, 10_000)).toBe(100);
  });
});

describe('pacing a large sync', () => {
  it('lets a small sync go without a single wait', async () => {
    const { gh, time } = github(200);
    for (let n = 1; n <= 300; n++) await gh.request('GET /repos/o/r/issues/{n}', { n });
    expect(time.waits).toEqual([]);
  });

  it('slows reads past 900 points to 15 a second instead of running into the limit', async () => {
    const { gh, time } = github(200);
    for (let n = 1; n <= 1000; n++) await gh.request('GET /repos/o/r/issues/{n}', { n });
    expect(time.waits).toHaveLength(100);
    expect(time.waits.filter((ms) => Math.abs(ms - 1000 / 15) > 0.01)).toEqual([]);
    // 1,000 points in 6.7 s: what is left of the first minute's 900 plus 15 a second.
    expect(time.elapsed()).toBeCloseTo(6_666.7, 0);
  });

  it('never waits for an unchanged re-sync: a 304 gives its point back', async () => {
    const { gh, time } = github(304);
    for (let n = 1; n <= 2000; n++) {
      await expect(gh.request('GET /repos/o/r/issues/{n}', { n, headers: { 'if-none-match': 'W/"x"' } })).rejects.toMatchObject({
        status: 304,
      });
    }
    expect(time.waits).toEqual([]);
  });

  it('counts a write as 5 points and one content change: 80 a minute, then 750 ms apart', () => {
    const pacer = new Pacer(T0);
    for (let n = 1; n <= 80; n++) expect(pacer.admit('POST', T0).waitMs).toBe(0);
    expect(pacer.admit('DELETE', T0).waitMs).toBe(750);
    // Reads share the points: 81 writes took 405 of 900.
    for (let n = 1; n <= 495; n++) expect(pacer.admit('GET', T0).waitMs).toBe(0);
    expect(pacer.admit('GET', T0).waitMs).toBeCloseTo(1000 / 15, 6);
  });

  it('spends the hour’s 500 changes, then refuses a change it would hold for over a minute', () => {
    const pacer = new Pacer(T0);
    let now = T0;
    const waits: number[] = [];
    // One change a second (write-back's own spacing), waiting whenever the pacer says so.
    for (let n = 1; n <= 600; n++) {
      const { waitMs } = pacer.admit('POST', now);
      waits.push(waitMs);
      now += waitMs + 1000;
    }
    const first = waits.findIndex((w) => w > 0);
    expect(first).toBeGreaterThan(500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(7_200);
    // A burst at one instant queues up; past a minute's wait it is refused, unsent.
    expect(() => {
      for (let n = 0; n < 20; n++) pacer.admit('POST', now);
    }).toThrow(/GitHub allows 500 changes an hour and this sync has made as many; not sent now/);
  });
});
