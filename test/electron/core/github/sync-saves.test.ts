/** How a sync pass saves: only its record for an unchanged re-sync, one store update per chunk, and what came back survives a drop. */
import { describe, expect, it, vi } from 'vitest';
import { SyncSaves } from '../../../../electron/core/github/sync-saves.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { tempDir } from '../../../helpers.js';
import { manualTimers } from '../../../support/manual-timers.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';

const FIRST = new Date('2026-11-27T10:00:00.000Z');
const LATER = new Date('2026-11-27T11:00:00.000Z');

async function linkedStore(count: number, dir?: string) {
  const fake = await fakeGithub();
  const store = await openStore(dir);
  for (let n = 1; n <= count; n++) {
    fake.add({ owner: 'o', repo: 'r', number: n, labels: ['pals/draft'] });
    await linked(store, `P${n}`, `o/r#${n}`);
  }
  return { fake, store };
}

describe('sync saves', () => {
  it('writes only the pass record for an unchanged re-sync (all 304s): no link is rewritten', async () => {
    const { fake, store } = await linkedStore(30);
    await syncAll(store, { client: client(fake), token: TOKEN, now: () => FIRST });
    const writes = store.stats.writes;
    const engagements = store.doc.engagements;
    const update = vi.spyOn(store, 'update');
    const again = await syncAll(store, { client: client(fake), token: TOKEN, now: () => LATER });
    expect(again).toMatchObject({ checked: 30, updated: 0, unchanged: 30, failed: [], error: null });
    expect(store.stats.writes - writes).toBe(1);
    expect(update).toHaveBeenCalledTimes(1);
    // Every engagement is the very same object: the write carries the sync record alone.
    expect(store.doc.engagements).toBe(engagements);
    expect(store.doc.settings.lastSync).toMatchObject({ at: LATER.toISOString(), unchanged: 30 });
    expect(linkOf(store, 'e-p1').syncedAt).toBe(FIRST.toISOString());
  });

  it('saves a pass in one store update per chunk of results, not one per issue', async () => {
    const dir = await tempDir();
    const { fake, store } = await linkedStore(25, dir);
    const update = vi.spyOn(store, 'update');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, saveChunk: { results: 10, waitMs: 60_000 } });
    expect(report).toMatchObject({ checked: 25, updated: 25, error: null });
    // 10 + 10 + the last 5 with the sync record.
    expect(update).toHaveBeenCalledTimes(3);
    await store.close();
    const { store: reopened } = await PalsStore.open(dir);
    expect(reopened.doc.engagements.every((e) => e.github!.etag !== null && e.github!.suggestedPhase === 'draft')).toBe(true);
    expect(reopened.doc.settings.lastSync).toMatchObject({ checked: 25, updated: 25 });
  });

  it('saves only what changed when one issue of many has news', async () => {
    const { fake, store } = await linkedStore(10);
    await syncAll(store, { client: client(fake), token: TOKEN, now: () => FIRST });
    fake.edit('o/r#4', { labels: ['pals/review'] });
    const update = vi.spyOn(store, 'update');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now: () => LATER });
    expect(report).toMatchObject({ checked: 10, updated: 1, unchanged: 9 });
    expect(update).toHaveBeenCalledTimes(1);
    expect(linkOf(store, 'e-p4')).toMatchObject({ suggestedPhase: 'review', syncedAt: LATER.toISOString() });
    expect(linkOf(store, 'e-p5').syncedAt).toBe(FIRST.toISOString());
    expect(store.doc.settings.lastSync).toMatchObject({ at: LATER.toISOString(), updated: 1, unchanged: 9 });
  });

  it('saves a chunk after a short wait, so a slow sync shows its progress', async () => {
    const { fake, store } = await linkedStore(4);
    fake.delayMs = 40;
    const update = vi.spyOn(store, 'update');
    const report = await syncAll(store, { client: client(fake), token: TOKEN, concurrency: 1, saveChunk: { results: 100, waitMs: 50 } });
    expect(report.updated).toBe(4);
    expect(update.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(update.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('keeps what came back on disk when the network stops answering mid-sync', async () => {
    const dir = await tempDir();
    const fake = await fakeGithub();
    const store = await openStore(dir);
    for (let n = 1; n <= 9; n++) {
      if (n <= 3) fake.add({ owner: 'o', repo: 'r', number: n, labels: ['pals/review'] });
      else fake.behaviours.set(`o/r#${n}`, { kind: 'hang' });
      await linked(store, `P${n}`, `o/r#${n}`);
    }
    const gh = client(fake, { requestTimeoutMs: 60_000 });
    // The watchdog's clock moves by hand, once the fourth issue (the first that hangs) was asked:
    // however slowly the machine answers the first three, the stall comes after them.
    const clock = manualTimers();
    const sync = syncAll(store, {
      client: gh,
      token: TOKEN,
      concurrency: 1,
      deadlineMs: 1_000,
      saveChunk: { results: 2, waitMs: 60_000 },
      startTimer: clock.start,
    });
    await fake.until(() => fake.requests.length === 4);
    clock.advance(1_000);
    const report = await sync;
    expect(report.error).toMatch(/^GitHub did not answer for 1 s/);
    expect(report.updated).toBe(3);
    await store.close();
    const { store: reopened } = await PalsStore.open(dir);
    const suggested = reopened.doc.engagements.map((e) => e.github!.suggestedPhase);
    expect(suggested.slice(0, 3)).toEqual(['review', 'review', 'review']);
    expect(reopened.doc.settings.lastSync).toMatchObject({ checked: 9, updated: 3, error: expect.stringMatching(/did not answer/) });
  });

  it('reports a chunk the store could not save, and saves nothing twice', async () => {
    const store = await openStore();
    const saves = new SyncSaves(store, { results: 2, waitMs: 60_000 });
    const update = vi.spyOn(store, 'update').mockRejectedValueOnce(new Error('not saved: disk full'));
    saves.add((doc) => doc);
    saves.add((doc) => doc);
    saves.add((doc) => doc);
    expect(await saves.settle()).toBe('not saved: disk full');
    expect(update).toHaveBeenCalledTimes(2);
    expect(saves.count).toBe(3);
  });
});
