/**
 * Another process's changes as the running app sees them: a short-lived process (the CLI,
 * `foldOnClose: false`) leaves its lines in the journal instead of rewriting pals.json, and the
 * app applies just those lines (untouched engagements stay the same objects), so its change
 * feed can send the changed cards instead of asking every page to reload.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startChangeFeed } from '../../../../electron/core/change-feed.js';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { readStore } from '../../../../electron/core/store/disk-read.js';
import { PalsStore, type ChangeKind, type ChangeOrigin, type StoreOptions } from '../../../../electron/core/store/store.js';
import { storePaths } from '../../../../electron/core/paths.js';
import type { BoardChange } from '../../../../shared/api.js';
import { addEngagement, editEngagement } from '../../../../shared/engagements.js';
import { emptyDoc, type StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';
import { moveCard } from '../../../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const names = (doc: StoreDoc) => doc.engagements.map((e) => e.name);
/** The app: journals from the second write on, folds only when asked. */
const app: StoreOptions = { journalFromBytes: 0, compactAfterMs: 60_000 };
/** A CLI command: the same, but leaves the fold to the app. */
const cli: StoreOptions = { ...app, foldOnClose: false };
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

async function seeded(): Promise<string> {
  const dir = await tempDir();
  const { store } = await PalsStore.open(dir, app);
  for (const name of ['Argo', 'Kyverno', 'Falco']) await store.update(add(name));
  await store.close();
  return dir;
}

/** Runs `op` as a CLI command would: open, one change, close. */
async function cliCommand(dir: string, op: (doc: StoreDoc) => { doc: StoreDoc; value: unknown }): Promise<void> {
  const { store } = await PalsStore.open(dir, cli);
  await store.update(op);
  await store.close();
}

function listen(store: PalsStore): Array<[ChangeOrigin, ChangeKind]> {
  const heard: Array<[ChangeOrigin, ChangeKind]> = [];
  store.onChange((_doc, origin, kind) => heard.push([origin, kind]));
  return heard;
}

describe('foldOnClose: false', () => {
  it('leaves pals.json as it was and the change in the journal, where the next reader finds it', async () => {
    const dir = await seeded();
    const file = join(dir, 'pals.json');
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    await cliCommand(dir, (d) => moveCard(d, { ref: 'kyverno-id', to: 'draft', reason: 'board', at: at }));
    const after = await stat(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readFile(join(dir, 'pals.journal'), 'utf8')).toContain('"phase":"draft"');
    const { store } = await PalsStore.open(dir, app);
    expect(store.doc.engagements[1]!.phase).toBe('draft');
    // A process that folds on close folds it in.
    await store.close();
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(await readFile(file, 'utf8')).toContain('"phase":"draft"');
  });

  it('still folds a journal that grew past compactAtBytes', async () => {
    const dir = await seeded();
    const { store } = await PalsStore.open(dir, { ...cli, compactAtBytes: 1 });
    await store.update((d) => editEngagement(d, 'argo-id', { hours: 2 }, at));
    await store.close();
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(await readFile(join(dir, 'pals.json'), 'utf8')).toContain('"hours":2');
  });
});

describe('refresh after another process appended to the journal', () => {
  it('applies only the new lines: untouched engagements stay the same objects', async () => {
    const dir = await seeded();
    const { store: running } = await PalsStore.open(dir, app);
    const heard = listen(running);
    const before = running.doc;
    // No journal yet (the app folded it): the command starts one.
    await cliCommand(dir, (d) => editEngagement(d, 'kyverno-id', { hours: 5 }, at));
    expect(await running.refresh()).toBe(true);
    expect(running.stats).toMatchObject({ deltaReads: 1, sealedLoads: 1, validatedLoads: 0 });
    expect(heard).toEqual([['external', 'delta']]);
    expect(running.doc.engagements[1]!.hours).toBe(5);
    expect(running.doc.engagements[0]).toBe(before.engagements[0]);
    expect(running.doc.engagements[2]).toBe(before.engagements[2]);
    expect(running.doc.rounds).toBe(before.rounds);
    expect(running.doc.settings).toBe(before.settings);
    // The journal exists now: the next command's lines are read from where the last read stopped.
    await cliCommand(dir, add('Tekton'));
    await cliCommand(dir, (d) => moveCard(d, { ref: 'argo-id', to: 'review', reason: 'board', at: at }));
    expect(await running.refresh()).toBe(true);
    expect(running.stats.deltaReads).toBe(2);
    expect(names(running.doc)).toEqual(['Argo', 'Kyverno', 'Falco', 'Tekton']);
    expect(running.doc.engagements[0]!.phase).toBe('review');
    expect(running.doc.engagements[2]).toBe(before.engagements[2]);
    expect(await running.refresh()).toBe(false);
    // What it holds is what a new reader sees, and its own writes continue the journal.
    await running.update(add('Flux'));
    const { store: reader } = await PalsStore.open(dir, app);
    expect(reader.doc).toEqual(running.doc);
  });

  it('waits for a torn last line to be completed', async () => {
    const dir = await seeded();
    const { store: running } = await PalsStore.open(dir, app);
    await cliCommand(dir, (d) => editEngagement(d, 'argo-id', { hours: 1 }, at));
    const journal = join(dir, 'pals.journal');
    const line = `{"r":{"e":[${JSON.stringify({ ...running.doc.engagements[2]!, hours: 9 })}]}}\n`;
    await appendFile(journal, line.slice(0, 20));
    expect(await running.refresh()).toBe(true);
    expect(running.doc.engagements[0]!.hours).toBe(1);
    expect(running.doc.engagements[2]!.hours).toBeNull();
    await appendFile(journal, line.slice(20));
    expect(await running.refresh()).toBe(true);
    expect(running.doc.engagements[2]!.hours).toBe(9);
    expect(running.stats).toMatchObject({ deltaReads: 2, validatedLoads: 0 });
  });

  it('reads both files again when pals.json was replaced (a fold elsewhere, a restore), or the lines are not valid', async () => {
    const dir = await seeded();
    const { store: running } = await PalsStore.open(dir, app);
    const heard = listen(running);
    await cliCommand(dir, (d) => editEngagement(d, 'argo-id', { hours: 1 }, at));
    const { store: other } = await PalsStore.open(dir, app);
    await other.update((d) => editEngagement(d, 'falco-id', { hours: 3 }, at));
    await other.close(); // folds: a new pals.json
    expect(await running.refresh()).toBe(true);
    expect(heard).toEqual([['external', 'reload']]);
    expect(running.stats).toMatchObject({ deltaReads: 0, sealedLoads: 2 }); // the fold sealed what it wrote
    expect([running.doc.engagements[0]!.hours, running.doc.engagements[2]!.hours]).toEqual([1, 3]);

    await cliCommand(dir, (d) => editEngagement(d, 'argo-id', { hours: 4 }, at));
    await appendFile(join(dir, 'pals.journal'), '{"r":{"e":[{"id":"argo-id","name":""}]}}\n');
    expect(await running.refresh()).toBe(true);
    expect(heard.at(-1)).toEqual(['external', 'reload']);
    expect(running.doc.engagements[0]!.hours).toBe(1); // the whole journal is left out, as a full read does
  });

  it('applies the lines as a delta when the app writes before it refreshed (rebase)', async () => {
    const dir = await seeded();
    const { store: running } = await PalsStore.open(dir, app);
    const heard = listen(running);
    const falco = running.doc.engagements[2];
    await cliCommand(dir, (d) => editEngagement(d, 'kyverno-id', { hours: 5 }, at));
    await running.update((d) => editEngagement(d, 'argo-id', { hours: 6 }, at));
    expect(running.stats).toMatchObject({ rebases: 1, deltaReads: 1 });
    expect(heard).toEqual([
      ['local', 'delta'],
      ['external', 'delta'],
    ]);
    expect(running.doc.engagements.map((e) => e.hours)).toEqual([6, 5, null]);
    expect(running.doc.engagements[2]).toBe(falco);
    const { store: reader } = await PalsStore.open(dir, app);
    expect(reader.doc).toEqual(running.doc);
  });
});

describe('a background fold while another process appends', () => {
  it('gives up when the app applied that process’s lines meanwhile, and folds them in on the next try', async () => {
    const dir = await seeded();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let gated = false;
    let reached: () => void = () => undefined;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const fs: Fs = {
      ...nodeFs,
      open: async (path, ...rest) => {
        const handle = await nodeFs.open(path, ...rest);
        if (String(path).includes('.pals.json.') && !gated) {
          gated = true;
          reached();
          await held;
        }
        return handle;
      },
    };
    const { store: running } = await PalsStore.open(dir, { ...app, fs, compactAfterMs: 5 });
    await running.update((d) => editEngagement(d, 'argo-id', { hours: 1 }, at)); // appended; the fold starts, held
    await atGate;
    await cliCommand(dir, (d) => editEngagement(d, 'falco-id', { hours: 2 }, at));
    expect(await running.refresh()).toBe(true); // the watcher's refresh, while the snapshot is being written
    release();
    await vi.waitFor(
      () => {
        expect(running.stats.compactions, 'background folds done').toBeGreaterThanOrEqual(1);
      },
      {
        timeout: 20_000,
        interval: 5,
      },
    );
    const seen = (await readStore(storePaths(dir), nodeFs)).parsed!.doc;
    expect(seen.engagements.map((e) => e.hours)).toEqual([1, null, 2]);
    await running.close();
    const folded = JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as StoreDoc;
    expect(folded.engagements.map((e) => e.hours)).toEqual([1, null, 2]);
  });
});

describe('the change feed for external changes', () => {
  it('sends the changed cards for another process’s journal lines, and reload when pals.json was replaced', async () => {
    const dir = await seeded();
    const { store: running } = await PalsStore.open(dir, app);
    const sent: BoardChange[] = [];
    const feed = startChangeFeed(
      running,
      () => '2026-11-27',
      (change) => sent.push(change),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    try {
      await cliCommand(dir, (d) => moveCard(d, { ref: 'kyverno-id', to: 'draft', reason: 'board', at: at }));
      await running.refresh();
      await settle();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ origin: 'external', kind: 'cards', unattributed: true, removed: [] });
      const [first] = sent;
      const cards = first?.kind === 'cards' ? first.cards : [];
      expect(cards.map((c) => [c.id, c.phase])).toEqual([['kyverno-id', 'draft']]);

      // A restore in another process replaces pals.json whole.
      const { store: restorer } = await PalsStore.open(dir, cli);
      await restorer.replace(addEngagement(emptyDoc(), { name: 'Restored' }, { id: 'restored-id', at }).doc, 'before-restore');
      await restorer.close();
      await running.refresh();
      await settle();
      expect(sent.map((c) => [c.seq, c.origin, c.kind])).toEqual([
        [1, 'external', 'cards'],
        [2, 'external', 'reload'],
      ]);
      expect(names(running.doc)).toEqual(['Restored']);
    } finally {
      feed.stop();
    }
  });
});
