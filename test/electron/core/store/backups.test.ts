/**
 * Rolling backups: ordered by the store's own sequence (never by a clock that may lie), each copy
 * checked against the bytes just written, and the newest good copy never thinned away.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRollingBackups } from '../../../../electron/core/store/backups.js';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { storePaths } from '../../../../electron/core/paths.js';
import { addEngagement, addNote } from '../../../../shared/engagements.js';
import type { StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const note = (text: string) => (doc: StoreDoc) => addNote(doc, 'argo-id', { kind: 'general', text }, { id: `note-${text}`, at });
const notes = (doc: StoreDoc) => doc.engagements.flatMap((e) => e.notes.map((n) => n.text));
const rolling = async (dir: string) => (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('pals-')).sort();

async function damage(dir: string): Promise<void> {
  const text = await readFile(join(dir, 'pals.json'), 'utf8');
  await writeFile(join(dir, 'pals.json'), text.slice(0, Math.floor(text.length / 2)));
}

describe('rolling backups', () => {
  it('recover the newest copy even after the clock once ran ahead to 2030', async () => {
    const dir = await tempDir();
    let now = new Date('2030-01-01T09:00:00.000Z');
    const { store } = await PalsStore.open(dir, { clock: () => now });
    await store.update(add('Argo'));
    await store.update(note('one'));
    // The clock is put right: two more notes, each copied into backups under a 2026 time.
    now = new Date('2026-11-27T09:00:00.000Z');
    await store.update(note('two'));
    now = new Date('2026-11-27T09:30:00.000Z');
    await store.update(note('three'));
    await store.close();
    await damage(dir);
    const { store: again, recovery } = await PalsStore.open(dir);
    expect(notes(again.doc)).toEqual(['one', 'two', 'three']);
    expect(recovery).toMatchObject({ complete: true });
    expect(recovery?.restoredFrom).toMatch(/pals-000004-2026-11-27T09-30-00-000Z\.json$/);
  });

  it('count any sequenced copy newer than copies named by time alone (from before sequences)', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    await store.update(add('Argo'));
    await store.close();
    // An old-style copy whose name says 2030, holding an empty store.
    await writeFile(join(dir, 'backups', 'pals-2030-01-01T00-00-00-000Z.json'), JSON.stringify({ ...store.doc, engagements: [] }));
    const order = await listRollingBackups(storePaths(dir), nodeFs);
    expect(order.map((f) => f.slice(dir.length + 9))).toEqual([
      expect.stringMatching(/^pals-000001-/),
      'pals-2030-01-01T00-00-00-000Z.json',
    ]);
    await damage(dir);
    const { store: again } = await PalsStore.open(dir);
    expect(again.doc.engagements.map((e) => e.name)).toEqual(['Argo']);
  });

  it('delete a copy that does not hold the file just written, and keep the older good one', async () => {
    const dir = await tempDir();
    let truncateCopies = false;
    // A copy that "succeeds" with half the bytes (a file system that filled up under it).
    const fs: Fs = {
      ...nodeFs,
      copyFile: async (from, to, mode) => {
        await nodeFs.copyFile(from, to, mode);
        if (truncateCopies) {
          const bytes = await nodeFs.readFile(to);
          await nodeFs.writeFile(to, bytes.subarray(0, bytes.length >> 1));
        }
      },
    };
    // The strictest thinning: only the newest copy would be kept.
    const { store } = await PalsStore.open(dir, { fs, backupPolicy: { minIntervalMs: 0, keepNewest: 1, keepDays: 0 } });
    await store.update(add('Argo'));
    await store.update(note('one'));
    const good = await rolling(dir);
    expect(good).toHaveLength(1);
    truncateCopies = true;
    await store.update(note('two'));
    expect(await rolling(dir)).toEqual(good);
    await store.close();
    await damage(dir);
    const { store: again, recovery } = await PalsStore.open(dir);
    expect(notes(again.doc)).toEqual(['one']);
    expect(recovery).toMatchObject({ restoredFrom: join(dir, 'backups', good[0]!), complete: false });
  });
});
