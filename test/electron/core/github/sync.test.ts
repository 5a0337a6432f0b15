/** syncAll against the local fake GitHub: conditional requests, transfers, broken links, limits. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../../electron/core/github/client.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { addNote } from '../../../../shared/engagements.js';
import type { SyncProgress } from '../../../../shared/github/report.js';
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
    expect(fake.requests.length).toBeLessThanOrEqual(4);
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
    expect(fake.requests.length).toBeLessThanOrEqual(4);
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
    const started = Date.now();
    const gh = createGithubClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}` });
    const report = await syncAll(store, { client: gh, token: TOKEN, now });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(report.error).toBe(`cannot reach GitHub at 127.0.0.1:${port} (connection refused); check the network connection and try again`);
    expect(report.failed).toHaveLength(5);
    expect(store.doc.engagements.every((e) => e.github!.error === null)).toBe(true);
  });

  it('ends a sync against a server that never answers within its deadline, saving what came back', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/review'] });
    const ok = await linked(store, 'Answered', 'o/r#1');
    for (let n = 2; n <= 9; n++) {
      fake.behaviours.set(`o/r#${n}`, { kind: 'hang' });
      await linked(store, `Hangs ${n}`, `o/r#${n}`);
    }
    const started = Date.now();
    const report = await syncAll(store, { client: client(fake, { requestTimeoutMs: 60_000 }), token: TOKEN, now, deadlineMs: 2_000 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(4_000);
    expect(report.error).toBe('GitHub did not answer for 2 s; the sync stopped (check the network connection and try again)');
    expect(report).toMatchObject({ checked: 9, updated: 1 });
    expect(report.failed).toHaveLength(8);
    expect(linkOf(store, ok).suggestedPhase).toBe('review');
    expect(fake.requests.length).toBeLessThanOrEqual(5);
  });

  it('times out one request that hangs and goes on with the others', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    fake.add({ owner: 'o', repo: 'r', number: 1 });
    fake.behaviours.set('o/r#2', { kind: 'hang' });
    await linked(store, 'Fine', 'o/r#1');
    const slow = await linked(store, 'Hangs', 'o/r#2');
    const report = await syncAll(store, { client: client(fake, { requestTimeoutMs: 500 }), token: TOKEN, now, deadlineMs: 5_000 });
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

  it('asks at most 4 at a time', async () => {
    const fake = await fakeGithub();
    const store = await openStore();
    let open = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++open);
      try {
        return await fetch(input, init);
      } finally {
        open--;
      }
    };
    fake.delayMs = 30;
    for (let n = 1; n <= 20; n++) {
      fake.add({ owner: 'o', repo: 'r', number: n });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    const report = await syncAll(store, { client: client(fake, { fetch: counting }), token: TOKEN, now });
    expect(report.updated).toBe(20);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });
});
