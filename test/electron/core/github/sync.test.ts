/** syncAll against the local fake GitHub: conditional requests, transfers, broken links, limits. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../../electron/core/github/client.js';
import { SYNC_LIMITS, syncAll } from '../../../../electron/core/github/sync.js';
import { addNote } from '../../../../shared/engagements.js';
import type { SyncProgress } from '../../../../shared/github/report.js';
import { manualTimers } from '../../../support/manual-timers.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';

const now = () => new Date('2026-11-27T10:00:00.000Z');

describe('syncAll', () => {
  it('fetches every linked issue, then re-asks with If-None-Match and counts 304s as unchanged', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    for (let n = 1; n <= 6; n++) {
      fake.add({
        owner: 'cncf',
        repo: 'tag-security',
        number: n,
        labels: n % 2 ? ['pals/draft'] : ['need-self-assessment'],
        assignees: ['pal-a'],
      });
      await linked(store, `Project ${n}`, `cncf/tag-security#${n}`);
    }
    await linked(store, 'Unlinked', null);
    const progress: SyncProgress[] = [];
    const first = await syncAll(store, { client: client(fake), token: TOKEN, now, onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({ checked: 6, updated: 6, unchanged: 0, failed: [], error: null });
    expect(first.rateLimit).toEqual({ remaining: 4994, limit: 5000, reset: '2030-01-01T14:05:00.000Z' });
    expect(progress[0]).toEqual({ done: 0, total: 6 });
    expect(progress.at(-1)).toEqual({ done: 6, total: 6 });
    const link = linkOf(store, 'e-project 1');
    expect(link).toMatchObject({ state: 'open', labels: ['pals/draft'], assignees: ['pal-a'], suggestedPhase: 'draft', error: null });
    expect(link.etag).toMatch(/^W\/"/);
    expect(store.doc.engagements.find((e) => e.id === 'e-project 1')!.phase).toBe('draft');
    expect(fake.requests.every((r) => r.headers.authorization === `token ${TOKEN}`)).toBe(true);

    const writes = store.stats.writes;
    const second = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(second).toMatchObject({ checked: 6, updated: 0, unchanged: 6, failed: [] });
    expect(second.rateLimit?.remaining).toBe(4994);
    expect(fake.requests.slice(-6).every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    // Nothing new: one write, of the pass's own record (the coordinator sees the sync ran).
    expect(store.stats.writes).toBe(writes + 1);
    expect(store.doc.settings.lastSync).toMatchObject({ checked: 6, updated: 0, unchanged: 6, failed: 0, error: null });
  });

  it('follows a transferred issue (301) and updates the link', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'kyverno', repo: 'community', number: 9, labels: ['pals/review'] });
    fake.behaviours.set('cncf/tag-security#5', { kind: 'moved', to: 'kyverno/community#9' });
    const id = await linked(store, 'Kyverno', 'cncf/tag-security#5');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report).toMatchObject({ checked: 1, updated: 1, failed: [] });
    expect(linkOf(store, id)).toMatchObject({
      issue: 'kyverno/community#9',
      url: 'https://github.com/kyverno/community/issues/9',
      suggestedPhase: 'review',
    });
  });

  it('marks 404 and 410 links broken without touching anything else, and goes on with the rest', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/draft'] });
    fake.behaviours.set('o/r#2', { kind: 'status', status: 404 });
    fake.behaviours.set('o/r#3', { kind: 'status', status: 410 });
    await linked(store, 'Fine', 'o/r#1');
    const gone = await linked(store, 'Gone', 'o/r#2');
    await linked(store, 'Deleted', 'o/r#3');
    await store.update((doc) => addNote(doc, gone, { kind: 'general', text: 'precious' }, { id: 'n01', at: '2026-11-01T09:00:00.000Z' }));
    const before = store.doc.engagements.find((e) => e.id === gone)!;
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report.checked).toBe(3);
    expect(report.updated).toBe(1);
    expect(report.failed).toEqual([
      { ref: 'o/r#2', error: expect.stringMatching(/^the issue is gone or private \(404\)/) },
      { ref: 'o/r#3', error: expect.stringMatching(/^the issue is gone or private \(410\)/) },
    ]);
    const after = store.doc.engagements.find((e) => e.id === gone)!;
    expect(after).toEqual({ ...before, github: { ...before.github!, error: report.failed[0]!.error } });
  });

  it('stops on a refused token (401) with a message that says what to do, and never shows the token', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.refuseToken = true;
    fake.echoAuth = true;
    for (let n = 1; n <= 10; n++) await linked(store, `P${n}`, `o/r#${n}`);
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report.error).toMatch(/^GitHub refused the token: create a new one/);
    expect(report.checked).toBe(10);
    expect(report.failed).toHaveLength(10);
    // The first request goes alone: one refusal is enough to know.
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(JSON.stringify(store.doc)).not.toContain(TOKEN);
  });

  it('stops on a used-up primary rate limit and says when it resets', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.rateLimited = true;
    for (let n = 1; n <= 8; n++) await linked(store, `P${n}`, `o/r#${n}`);
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report.error).toBe("GitHub's API rate limit is used up until 2030-01-01 14:05 UTC; try again after that");
    expect(report.rateLimit).toEqual({ remaining: 0, limit: 5000, reset: '2030-01-01T14:05:00.000Z' });
    expect(fake.requests).toHaveLength(1);
  });

  it('honours retry-after on a secondary limit at most twice, then fails that issue only', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/draft'] });
    fake.add({ owner: 'o', repo: 'r', number: 2 });
    fake.behaviours.set('o/r#1', { kind: 'secondary', status: 429, retryAfter: 1, times: 2 });
    fake.behaviours.set('o/r#2', { kind: 'secondary', status: 403, retryAfter: 1, times: 5 });
    await linked(store, 'Slow', 'o/r#1');
    const failing = await linked(store, 'Slower', 'o/r#2');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report).toMatchObject({ checked: 2, updated: 1, error: null });
    expect(report.failed).toEqual([{ ref: 'o/r#2', error: 'GitHub asked to slow down (secondary rate limit); try again in 1 s' }]);
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/1$/)).toBe(3);
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/2$/)).toBe(3);
    expect(linkOf(store, failing).error).toMatch(/secondary rate limit/);
  });

  it('retries a 5xx (bounded) and succeeds, or fails that issue after the retries', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.add({ owner: 'o', repo: 'r', number: 2 });
    fake.behaviours.set('o/r#1', { kind: 'fail', status: 502, times: 2 });
    fake.behaviours.set('o/r#2', { kind: 'fail', status: 500, times: 99 });
    await linked(store, 'Flaky', 'o/r#1');
    await linked(store, 'Down', 'o/r#2');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report.updated).toBe(1);
    expect(report.failed).toEqual([{ ref: 'o/r#2', error: 'GitHub had a server error (500); try again later' }]);
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/2$/)).toBe(3);
  });

  it('fails fast when nothing listens (connection refused), without retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve();
      }),
    );
    const store = await openStore();
    for (let n = 1; n <= 5; n++) await linked(store, `P${n}`, `o/r#${n}`);
    // Counted, not timed: one attempt (the first issue is asked alone), and no wait before another.
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    const waits: number[] = [];
    const clock = {
      now: () => 0,
      sleep: (ms: number) => {
        waits.push(ms);
        return Promise.resolve();
      },
    };
    const gh = createGithubClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}`, fetch: counting, clock });
    const report = await syncAll(store, { client: gh, token: TOKEN, now });
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
    expect(report.error).toBe(`cannot reach GitHub at 127.0.0.1:${port} (connection refused); check the network connection and try again`);
    expect(report.failed).toHaveLength(5);
    expect(store.doc.engagements.every((e) => e.github!.error === null)).toBe(true);
  });

  it('ends a sync against a server that never answers when its stall deadline passes, saving what came back', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/review'] });
    const ok = await linked(store, 'Answered', 'o/r#1');
    const hanging = 2 * SYNC_LIMITS.concurrency;
    for (let n = 2; n <= hanging + 1; n++) {
      fake.behaviours.set(`o/r#${n}`, { kind: 'hang' });
      await linked(store, `Hangs ${n}`, `o/r#${n}`);
    }
    // The watchdog's clock moves by hand: the stall is a step of the test, not two seconds of waiting.
    const clock = manualTimers();
    const sync = syncAll(store, {
      client: client(fake, { requestTimeoutMs: 60_000 }),
      token: TOKEN,
      now,
      deadlineMs: 2_000,
      startTimer: clock.start,
    });
    // The answered one, then one hanging request per worker: every worker is waiting on GitHub.
    await fake.until(() => fake.requests.length === SYNC_LIMITS.concurrency + 1);
    clock.advance(1_999);
    expect(clock.pending()[0], 'the stall timer runs from the last answer, and has 1 ms to go').toBe(1);
    clock.advance(1);
    const report = await sync;
    expect(report.error).toBe('GitHub did not answer for 2 s; the sync stopped (check the network connection and try again)');
    expect(report).toMatchObject({ checked: hanging + 1, updated: 1 });
    expect(report.failed).toHaveLength(hanging);
    expect(linkOf(store, ok).suggestedPhase).toBe('review');
    // The answered one, then one hanging request per worker: the rest are never asked.
    expect(fake.requests).toHaveLength(SYNC_LIMITS.concurrency + 1);
  });

  it('times out one request that hangs and goes on with the others', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.behaviours.set('o/r#2', { kind: 'hang' });
    await linked(store, 'Fine', 'o/r#1');
    const slow = await linked(store, 'Hangs', 'o/r#2');
    // The sync's own stall deadline never passes here (its clock is never moved): only the request's timeout ends it.
    const still = manualTimers().start;
    const report = await syncAll(store, { client: client(fake, { requestTimeoutMs: 500 }), token: TOKEN, now, startTimer: still });
    expect(report).toMatchObject({
      checked: 2,
      updated: 1,
      error: null,
      failed: [{ ref: 'o/r#2', error: 'GitHub did not answer within 0.5 s' }],
    });
    expect(linkOf(store, slow).error).toBe('GitHub did not answer within 0.5 s');
  });

  it('fails only the issue whose connection drops, and goes on', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.behaviours.set('o/r#2', { kind: 'drop' });
    await linked(store, 'Fine', 'o/r#1');
    await linked(store, 'Dropped', 'o/r#2');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report).toMatchObject({ checked: 2, updated: 1, error: null });
    expect(report.failed).toEqual([
      { ref: 'o/r#2', error: expect.stringMatching(/^the connection to GitHub broke \(connection (closed|reset)\); try again$/) },
    ]);
  });

  it(`asks the first alone, then at most ${SYNC_LIMITS.concurrency} at a time (counted at the server)`, async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    const total = 3 * SYNC_LIMITS.concurrency;
    for (let n = 1; n <= total; n++) {
      fake.add({ owner: 'o', repo: 'r', number: n });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    fake.holding = true;
    const sync = syncAll(store, { client: client(fake), token: TOKEN, now });
    await fake.until(() => fake.requests.length === 1);
    expect(fake.inFlight).toBe(1);
    // Answer the first, and hold the next batch: every worker sends before any answer comes.
    fake.release();
    fake.holding = true;
    await fake.until(() => fake.requests.length === 1 + SYNC_LIMITS.concurrency);
    expect(fake.inFlight).toBe(SYNC_LIMITS.concurrency);
    fake.release();
    const report = await sync;
    expect(report).toMatchObject({ updated: total, failed: [], error: null });
    expect(fake.maxInFlight).toBe(SYNC_LIMITS.concurrency);
  });

  it('runs a wide sync without Node warnings (every request listens to the one sync signal)', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (let n = 1; n <= 40; n++) {
        fake.add({ owner: 'o', repo: 'r', number: n });
        await linked(store, `P${n}`, `o/r#${n}`);
      }
      fake.holding = true;
      const sync = syncAll(store, { client: client(fake), token: TOKEN, now, concurrency: 16 });
      await fake.until(() => fake.requests.length === 1);
      fake.release();
      fake.holding = true;
      await fake.until(() => fake.inFlight === 16);
      fake.release();
      expect((await sync).updated).toBe(40);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('lists failures in the order of the board, not in the order the answers came', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.behaviours.set('o/r#2', { kind: 'status', status: 404 });
    fake.behaviours.set('o/r#3', { kind: 'status', status: 410 });
    fake.behaviours.set('o/r#4', { kind: 'status', status: 404 });
    for (let n = 1; n <= 4; n++) await linked(store, `P${n}`, `o/r#${n}`);
    // o/r#2 is asked only once o/r#4 was answered, so its failure comes last.
    let fourAnswered!: () => void;
    const four = new Promise<void>((resolve) => (fourAnswered = resolve));
    const reordering: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/issues/2')) await four;
      const response = await fetch(input, init);
      if (url.endsWith('/issues/4')) fourAnswered();
      return response;
    };
    const report = await syncAll(store, { client: client(fake, { fetch: reordering }), token: TOKEN, now });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/repos/o/r/issues/1',
      '/repos/o/r/issues/3',
      '/repos/o/r/issues/4',
      '/repos/o/r/issues/2',
    ]);
    expect(report.failed.map((f) => f.ref)).toEqual(['o/r#2', 'o/r#3', 'o/r#4']);
  });
});

describe("syncAll and GitHub's rate limits", () => {
  /** A virtual clock: a wait is recorded and passes at once. `unit` large, so a recorded wait is clearly GitHub's. */
  const unit = 60_000;
  function virtualClock() {
    let t = Date.now();
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      t += ms;
      return Promise.resolve();
    };
    return { waits, clock: { now: () => t, sleep } };
  }

  it("waits out a secondary limit's retry-after, then retries once and goes on", async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    for (let n = 1; n <= 3; n++) {
      fake.add({ owner: 'o', repo: 'r', number: n });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    fake.behaviours.set('o/r#1', { kind: 'secondary', status: 429, retryAfter: 3, times: 1 });
    const { waits, clock } = virtualClock();
    const report = await syncAll(store, { client: client(fake, { clock, waitUnitMs: unit }), token: TOKEN, now });
    expect(report).toMatchObject({ checked: 3, updated: 3, failed: [], error: null });
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/1$/)).toBe(2);
    expect(fake.requests).toHaveLength(4);
    // Three of GitHub's seconds, once; nothing else waited.
    expect(waits).toEqual([3 * unit]);
  });

  it('stops the whole sync when GitHub asks for a longer pause than it waits, and asks nothing more', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    for (let n = 1; n <= 3; n++) {
      fake.add({ owner: 'o', repo: 'r', number: n });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    fake.behaviours.set('o/r#1', { kind: 'secondary', status: 403, retryAfter: 600, times: 1 });
    const { waits, clock } = virtualClock();
    const report = await syncAll(store, { client: client(fake, { clock }), token: TOKEN, now });
    const message = 'GitHub asked to slow down (secondary rate limit); try again in 600 s';
    expect(report.error).toBe(message);
    expect(report.failed).toEqual(['o/r#1', 'o/r#2', 'o/r#3'].map((ref) => ({ ref, error: message })));
    expect(fake.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(store.doc.settings.lastSync).toMatchObject({ error: message });
  });

  it.each([403, 429] as const)('stops on a secondary limit (%i) that names no wait: GitHub asks for a minute or more', async (status) => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.add({ owner: 'o', repo: 'r', number: 2 });
    fake.behaviours.set('o/r#1', { kind: 'secondary', status, retryAfter: null, times: 1 });
    await linked(store, 'P1', 'o/r#1');
    await linked(store, 'P2', 'o/r#2');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now });
    expect(report.error).toBe('GitHub asked to slow down (secondary rate limit); try again in a few minutes');
    expect(fake.requests).toHaveLength(1);
  });

  it('waits for a primary limit that resets within seconds, then goes on', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.add({ owner: 'o', repo: 'r', number: 2 });
    fake.behaviours.set('o/r#1', { kind: 'primary', resetInS: 2, times: 1 });
    await linked(store, 'P1', 'o/r#1');
    await linked(store, 'P2', 'o/r#2');
    const { waits, clock } = virtualClock();
    const report = await syncAll(store, { client: client(fake, { clock, waitUnitMs: unit }), token: TOKEN, now });
    expect(report).toMatchObject({ updated: 2, failed: [], error: null });
    expect(fake.count('GET', /^\/repos\/o\/r\/issues\/1$/)).toBe(2);
    // Until the reset (about 2 s away; whole seconds, so 1–3 by the clock) and a second more, as GitHub asks.
    expect(waits).toHaveLength(1);
    expect([2, 3, 4].map((s) => s * unit)).toContain(waits[0]);
  });
});
