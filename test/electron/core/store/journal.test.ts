/**
 * The change journal of large stores: edits append to `pals.journal`, the journal folds back
 * into `pals.json` (in the background, on close), and every way the pair can be left on disk
 * by a crash, another writer or a hand-edit reads back right or is reported.
 */
import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readStore } from '../../../../electron/core/store/disk-read.js';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { PalsStore, type StoreOptions } from '../../../../electron/core/store/store.js';
import { storePaths } from '../../../../electron/core/paths.js';
import { addEngagement, addNote, editEngagement, removeEngagement } from '../../../../shared/engagements.js';
import type { StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';
import { moveCard } from '../../../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
/** Journal from the second write on; no background compaction unless a test asks. */
const journaling: StoreOptions = { journalFromBytes: 0, compactAfterMs: 60_000 };
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const fileDoc = async (dir: string) => JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as StoreDoc;
const names = (doc: StoreDoc) => doc.engagements.map((e) => e.name);
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
/** What a new reader (another process) sees. */
const readBack = async (dir: string) => (await readStore(storePaths(dir), nodeFs)).parsed!.doc;

async function seeded(dir: string, options: StoreOptions = journaling): Promise<PalsStore> {
  const { store } = await PalsStore.open(dir, options);
  await store.update(add('Argo'));
  return store;
}

describe('the change journal', () => {
  it('appends edits to the journal, leaves pals.json alone, and folds them in on close', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    const before = await readFile(join(dir, 'pals.json'), 'utf8');
    await store.update(add('Kyverno'));
    await store.update((d) => moveCard(d, { ref: 'argo-id', to: 'draft', reason: 'board', at: at }));
    expect(store.stats.appends).toBe(2);
    expect(await readFile(join(dir, 'pals.json'), 'utf8')).toBe(before);
    const lines = (await readFile(join(dir, 'pals.journal'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(3); // header + two changes
    const seen = await readBack(dir);
    expect(names(seen)).toEqual(['Argo', 'Kyverno']);
    expect(seen.engagements[0]!.phase).toBe('draft');
    await store.close();
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(await fileDoc(dir)).toEqual(seen);
  });

  it('writes one change per group commit, holding only what changed', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    for (let i = 0; i < 30; i++) await store.update(add(`P${i}`));
    const journalBefore = (await stat(join(dir, 'pals.journal'))).size;
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.update((d) => editEngagement(d, 'argo-id', { hours: i }, at))));
    expect(store.stats.appends).toBeLessThanOrEqual(32);
    const last = (await readFile(join(dir, 'pals.journal'), 'utf8')).trimEnd().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ r: { e: [{ id: 'argo-id', hours: 99 }] } });
    expect(last).not.toContain('P29');
    expect((await stat(join(dir, 'pals.journal'))).size - journalBefore).toBeLessThan(2_000);
  });

  it('keeps every confirmed edit when the process dies without closing, and ignores a torn last line', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('Kyverno'));
    await store.update((d) =>
      addNote(d, 'kyverno-id', { kind: 'general', text: '# heading\n---\n<script>x</script>' }, { id: 'note-1', at }),
    );
    // A writer killed mid-append leaves half a line.
    await appendFile(join(dir, 'pals.journal'), '{"r":{"e":[{"id":"argo-id","na');
    const { store: again, recovery } = await PalsStore.open(dir, journaling);
    expect(recovery).toBeNull();
    expect(names(again.doc)).toEqual(['Argo', 'Kyverno']);
    expect(again.doc.engagements[1]!.notes[0]!.text).toBe('# heading\n---\n<script>x</script>');
    await again.update(add('Falco'));
    // The torn line was cut before appending: every line parses.
    for (const line of (await readFile(join(dir, 'pals.journal'), 'utf8')).trimEnd().split('\n'))
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(names(await readBack(dir))).toEqual(['Argo', 'Kyverno', 'Falco']);
  });

  it('replays adds, removals and reordering exactly', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('B'));
    await store.update(add('C'));
    await store.update((d) => removeEngagement(d, 'argo-id'));
    await store.update((d) => ({ doc: { ...d, engagements: [...d.engagements].reverse() }, value: null }));
    await store.update((d) => ({ doc: { ...d, settings: { ...d.settings, dueSoonDays: 3 } }, value: null }));
    const seen = await readBack(dir);
    expect(seen).toEqual(store.doc);
    expect(names(seen)).toEqual(['C', 'B']);
  });

  it('folds the journal in the background while edits go on, losing none', async () => {
    const dir = await tempDir();
    await (await seeded(dir)).close();
    let opened: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (opened = resolve));
    let reached: () => void = () => undefined;
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const fsGate: Fs = {
      ...nodeFs,
      open: async (path, ...rest) => {
        const handle = await nodeFs.open(path, ...rest);
        if (String(path).includes('.pals.json.')) {
          reached();
          await held;
        }
        return handle;
      },
    };
    const { store: s2 } = await PalsStore.open(dir, { fs: fsGate, journalFromBytes: 0, compactAfterMs: 5 });
    await s2.update(add('Kyverno')); // appended; compaction starts 5 ms later and waits on `held`
    await atGate; // the snapshot's temp file is open: the background fold is under way
    await s2.update(add('Falco')); // appended while the snapshot is being written
    expect(s2.stats.appends).toBe(2);
    expect(s2.stats.compactions).toBe(0);
    opened();
    // The first compaction folds the snapshot in and keeps Falco in a new journal; a second folds Falco in.
    await vi.waitFor(
      () => {
        expect(s2.stats.compactions, 'background folds done').toBeGreaterThanOrEqual(2);
      },
      {
        timeout: 20_000,
        interval: 5,
      },
    );
    expect(names(await readBack(dir))).toEqual(['Argo', 'Kyverno', 'Falco']);
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    await s2.close();
    expect(names(await fileDoc(dir))).toEqual(['Argo', 'Kyverno', 'Falco']);
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
  });

  it('never loses an update when two stores share a journaled folder', async () => {
    const dir = await tempDir();
    await (await seeded(dir)).close();
    const a = (await PalsStore.open(dir, journaling)).store;
    const b = (await PalsStore.open(dir, journaling)).store;
    for (let i = 0; i < 5; i++) {
      await a.update(add(`A${i}`));
      await b.update(add(`B${i}`));
    }
    expect(b.stats.rebases).toBeGreaterThan(0);
    expect(names(await readBack(dir)).sort()).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'Argo', 'B0', 'B1', 'B2', 'B3', 'B4']);
    await a.close(); // folds everything into pals.json
    expect(await b.refresh()).toBe(true);
    expect(names(b.doc)).toHaveLength(11);
    await b.update(add('Last'));
    expect(names(await readBack(dir))).toHaveLength(12);
  });

  it('survives a crash between replacing pals.json and retiring the journal', async () => {
    const dir = await tempDir();
    let failUnlink = false;
    const fs: Fs = {
      ...nodeFs,
      unlink: (path) =>
        failUnlink && String(path).endsWith('pals.journal')
          ? Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
          : nodeFs.unlink(path),
    };
    const store = await seeded(dir, { ...journaling, fs });
    await store.update(add('Kyverno'));
    await store.update((d) => editEngagement(d, 'argo-id', { hours: 7 }, at));
    failUnlink = true;
    await expect(store.close()).resolves.toBeUndefined();
    // The new pals.json is in place and the old journal is still there, naming it.
    expect(await exists(join(dir, 'pals.journal'))).toBe(true);
    expect(names(await fileDoc(dir))).toEqual(['Argo', 'Kyverno']);
    const { store: again, recovery } = await PalsStore.open(dir, journaling);
    expect(recovery).toBeNull();
    expect(again.doc.engagements[0]!.hours).toBe(7);
    expect(names(again.doc)).toEqual(['Argo', 'Kyverno']);
  });

  it('moves aside a journal that does not belong to pals.json, and says so', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('Kyverno'));
    // Someone puts another pals.json in place while the journal is still there.
    const other = addEngagement(store.doc, { name: 'Replaced' }, { id: 'replaced-id', at }).doc;
    await writeFile(join(dir, 'pals.json'), JSON.stringify({ ...other, engagements: other.engagements.slice(2) }));
    const { store: again, recovery } = await PalsStore.open(dir, journaling);
    expect(recovery).toMatchObject({
      reason: expect.stringContaining('does not belong'),
      movedAside: expect.stringMatching(/backups\/journal-/),
    });
    expect(names(again.doc)).toEqual(['Replaced']);
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(await readFile(recovery!.movedAside!, 'utf8')).toContain('Kyverno');
  });

  it('keeps the changes before a damaged line, and the journal itself in backups', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('Kyverno'));
    await appendFile(join(dir, 'pals.journal'), 'not json\n');
    await store.update(add('After')); // a live writer would never write after a bad line; a disk error might
    const { store: again, recovery } = await PalsStore.open(dir, journaling);
    expect(recovery).toMatchObject({ reason: expect.stringContaining('line 3'), movedAside: expect.stringMatching(/journal-/) });
    expect(names(again.doc)).toEqual(['Argo', 'Kyverno']);
    expect(names(await fileDoc(dir))).toEqual(['Argo', 'Kyverno']);
    expect((await readdir(join(dir, 'backups'))).some((n) => n.startsWith('journal-'))).toBe(true);
  });

  it('refuses a journal from a newer version and changes nothing', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('Kyverno'));
    const journal = join(dir, 'pals.journal');
    const text = await readFile(journal, 'utf8');
    await writeFile(journal, text.replace('{"journal":1', '{"journal":9'));
    await expect(PalsStore.open(dir, journaling)).rejects.toMatchObject({ code: 'store-newer' });
    expect(await readFile(journal, 'utf8')).toContain('"journal":9');
  });

  it('writes small stores whole, as before (no journal below the threshold)', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    await store.update(add('Argo'));
    await store.update(add('Kyverno'));
    expect(store.stats.appends).toBe(0);
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(names(await fileDoc(dir))).toEqual(['Argo', 'Kyverno']);
  });

  it('backs up the whole state, journal included, before a restore', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await store.update(add('Kyverno'));
    const kept = await store.replace(addEngagement(store.doc, { name: 'New' }, { id: 'new-id', at }).doc, 'before-restore');
    expect(names(JSON.parse(await readFile(kept!, 'utf8')) as StoreDoc)).toEqual(['Argo', 'Kyverno']);
    expect(await exists(join(dir, 'pals.journal'))).toBe(false);
    expect(names(await fileDoc(dir))).toEqual(['Argo', 'Kyverno', 'New']);
  });
});
