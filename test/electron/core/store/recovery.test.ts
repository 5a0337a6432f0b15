/**
 * A pals.json damaged on disk (a bad sector, a sync tool, a stray edit) costs nothing saved: a
 * backup follows every write of pals.json, and the change journal holds every change since, so
 * recovery is the newest backup with the journal replayed on top.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement } from '../../../../shared/engagements.js';
import type { StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';
import { moveCard } from '../../../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const names = (store: PalsStore) => store.doc.engagements.map((e) => e.name);

async function damage(dir: string): Promise<void> {
  const text = await readFile(join(dir, 'pals.json'), 'utf8');
  await writeFile(join(dir, 'pals.json'), text.slice(0, Math.floor(text.length / 2)));
}

describe('recovery of a damaged pals.json', () => {
  it('loses none of three engagements added one after another (a small store, rewritten whole)', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    for (const name of ['Kyverno', 'Falco', 'Argo']) await store.update(add(name));
    await store.close();
    await damage(dir);
    const { store: again, recovery } = await PalsStore.open(dir);
    expect(names(again)).toEqual(['Kyverno', 'Falco', 'Argo']);
    expect(recovery).toMatchObject({ reason: expect.stringMatching(/damaged/), complete: true, journalChanges: 0 });
    expect(recovery?.restoredFrom).toMatch(/backups[/\\]pals-.*\.json$/);
    await again.close();
  });

  it('replays the journal on the backup taken after the last fold (a large store, appending)', async () => {
    const dir = await tempDir();
    // Every change after the first whole write goes to the journal, and stays there (as the CLI leaves it).
    const { store } = await PalsStore.open(dir, { journalFromBytes: 0, foldOnClose: false });
    for (const name of ['Kyverno', 'Falco', 'Argo']) await store.update(add(name));
    await store.update((doc) => moveCard(doc, { ref: 'falco-id', to: 'meet-greet', reason: 'board', at: at }));
    await store.close();
    expect(await readdir(dir)).toContain('pals.journal');
    await damage(dir);
    const { store: again, recovery } = await PalsStore.open(dir);
    expect(names(again)).toEqual(['Kyverno', 'Falco', 'Argo']);
    expect(again.doc.engagements[1]!.phase).toBe('meet-greet');
    expect(recovery).toMatchObject({ complete: true, journalChanges: 3 });
    // The damaged file and the journal are kept for a person to look at; the repaired store stands alone.
    const kept = await readdir(join(dir, 'backups'));
    expect(kept.some((n) => n.startsWith('damaged-'))).toBe(true);
    expect(kept.some((n) => n.startsWith('journal-'))).toBe(true);
    expect(await readdir(dir)).not.toContain('pals.journal');
    await again.close();
    const { store: third, recovery: none } = await PalsStore.open(dir);
    expect(none).toBeNull();
    expect(names(third)).toEqual(['Kyverno', 'Falco', 'Argo']);
  });

  it('says when the newest backup is older than the last write (changes since it may be missing)', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir, { backupPolicy: { minIntervalMs: 0, keepNewest: 3, keepDays: 0 } });
    for (const name of ['Kyverno', 'Falco']) await store.update(add(name));
    await store.close();
    // The newest backup is lost (a person tidied the folder): the older one is all there is.
    const rolling = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('pals-')).sort();
    expect(rolling.length).toBeGreaterThanOrEqual(2);
    await writeFile(join(dir, 'backups', rolling.at(-1)!), 'not a backup');
    await damage(dir);
    const { store: again, recovery } = await PalsStore.open(dir);
    expect(names(again)).toEqual(['Kyverno']);
    expect(recovery).toMatchObject({ complete: false });
    await again.close();
  });

  it('keeps the newest copy, one per 10 minutes for the last ten, one per day: a burst of edits is not a pile of files', async () => {
    const dir = await tempDir();
    let minute = 0;
    const clock = () => new Date(Date.parse('2026-11-27T08:00:00.000Z') + minute * 60_000);
    const { store } = await PalsStore.open(dir, { clock });
    // Two hours of edits, one a minute: 120 writes, each followed by a copy.
    for (; minute < 120; minute++) await store.update(add(`P${String(minute)}`));
    await store.close();
    const rolling = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('pals-')).sort();
    expect(rolling).toHaveLength(10);
    const newest = JSON.parse(await readFile(join(dir, 'backups', rolling.at(-1)!), 'utf8')) as StoreDoc;
    expect(newest.engagements).toHaveLength(120);
    // One copy per interval with writes (the last of each), back to the tenth: 08:20–08:29.
    expect(rolling[0]).toMatch(/T08-29-00-000Z/);
    expect(rolling[1]).toMatch(/T08-39-00-000Z/);
  });
});
