import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement, removeEngagement } from '../../../../shared/engagements.js';
import { MIGRATIONS, type Migration } from '../../../../shared/migrations.js';
import { emptyDoc, SCHEMA_VERSION, type StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';
import { moveCard } from '../../../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
const add =
  (name: string, id = name.toLowerCase().replace(/[^a-z0-9]/g, '') + '-id') =>
  (doc: StoreDoc) =>
    addEngagement(doc, { name }, { id, at });
const readDoc = async (dir: string) => JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as StoreDoc;
const everyWrite = { minIntervalMs: 0, keepNewest: 3, keepDays: 0 };

/** A store file with engagements, plus a good rolling backup of it. */
async function withBackup(dir: string, names: string[]): Promise<void> {
  const { store } = await PalsStore.open(dir, { backupPolicy: everyWrite });
  for (const n of names) await store.update(add(n));
  await store.update(add('Last'));
  await store.close();
}

describe('PalsStore', () => {
  it('starts empty in a new folder and writes nothing until the first change', async () => {
    const dir = await tempDir();
    const { store, recovery } = await PalsStore.open(join(dir, 'data'));
    expect(recovery).toBeNull();
    expect(store.doc).toEqual(emptyDoc());
    expect(await readdir(join(dir, 'data'))).toEqual([]);
  });

  it('resolves an update only once it is on disk', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    const created = await store.update(add('Kyverno'));
    expect(created.name).toBe('Kyverno');
    const onDisk = await readDoc(dir);
    expect(onDisk.engagements.map((e) => e.name)).toEqual(['Kyverno']);
    expect((await stat(join(dir, 'pals.json'))).mode & 0o777).toBe(0o600);
  });

  it('coalesces a burst of 100 edits into a few writes', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    await store.update(add('Argo', 'argo'));
    const before = store.stats.writes;
    const phases = ['meet-greet', 'follow-up', 'draft', 'review'] as const;
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.update((d) => moveCard(d, { ref: 'argo', to: phases[i % 4]!, reason: 'board', at: at }))),
    );
    expect(store.stats.writes - before).toBeLessThanOrEqual(2);
    expect((await readDoc(dir)).engagements[0]!.history).toHaveLength(101);
  });

  it('rejects an operation that does not apply and changes nothing', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    await store.update(add('Argo'));
    const before = await readFile(join(dir, 'pals.json'), 'utf8');
    expect(() => store.update(add('argo', 'other'))).toThrow(/already exists/);
    await store.flush();
    expect(await readFile(join(dir, 'pals.json'), 'utf8')).toBe(before);
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion":1,"settings":{"currentRound":"default","due'],
    ['not JSON', 'hello'],
    ['failing the schema', JSON.stringify({ ...emptyDoc(), engagements: [{ id: 'x1x', name: '' }] })],
    ['an array', '[]'],
  ])('moves a file that is %s aside and loads the newest backup: the file as last written', async (_label, content) => {
    const dir = await tempDir();
    await withBackup(dir, ['Tinkerbell', 'Crossplane']);
    await writeFile(join(dir, 'pals.json'), content);
    const { store, recovery } = await PalsStore.open(dir);
    expect(recovery?.movedAside).toMatch(/backups[/\\]damaged-.*\.json$/);
    expect(recovery?.restoredFrom).toMatch(/backups[/\\]pals-.*\.json$/);
    expect(recovery?.reason).toMatch(/damaged/);
    expect(await readFile(recovery!.movedAside!, 'utf8')).toBe(content);
    expect(store.doc.engagements.map((e) => e.name)).toEqual(['Tinkerbell', 'Crossplane', 'Last']);
    expect(recovery).toMatchObject({ complete: true, journalChanges: 0 });
    expect((await readDoc(dir)).engagements).toHaveLength(3);
  });

  it('keeps a damaged file aside and starts empty only when no backup is usable', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'pals.json'), '{"schemaVersion":1,');
    const { store, recovery } = await PalsStore.open(dir);
    expect(recovery).toMatchObject({ restoredFrom: null });
    expect(await readFile(recovery!.movedAside!, 'utf8')).toBe('{"schemaVersion":1,');
    expect(store.doc.engagements).toEqual([]);
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const dir = await tempDir();
    const content = JSON.stringify({ ...emptyDoc(), schemaVersion: 99 });
    await writeFile(join(dir, 'pals.json'), content);
    const before = await stat(join(dir, 'pals.json'));
    await expect(PalsStore.open(dir)).rejects.toMatchObject({
      code: 'store-newer',
      message: expect.stringMatching(/newer.*format 99.*not changed/),
    });
    expect(await readFile(join(dir, 'pals.json'), 'utf8')).toBe(content);
    expect((await stat(join(dir, 'pals.json'))).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(dir)).toEqual(['pals.json']);
  });

  it('migrates an older format in order after backing it up', async () => {
    const dir = await tempDir();
    const v0 = JSON.stringify({ schemaVersion: 0, projects: [] });
    await writeFile(join(dir, 'pals.json'), v0);
    // Version 0 kept its engagements under `projects` and had no rounds.
    const migrations: Migration[] = [
      { from: 0, migrate: ({ projects, ...rest }) => ({ ...rest, engagements: projects, rounds: emptyDoc().rounds }) },
      ...MIGRATIONS,
    ];
    const { store, recovery } = await PalsStore.open(dir, { migrations });
    expect(recovery?.migratedFrom).toBe(0);
    expect(store.doc.schemaVersion).toBe(SCHEMA_VERSION);
    const backups = await readdir(join(dir, 'backups'));
    const pre = backups.find((b) => b.startsWith('pre-migration-v0-'));
    expect(pre).toBeDefined();
    expect(await readFile(join(dir, 'backups', pre!), 'utf8')).toBe(v0);
    expect((await readDoc(dir)).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('backs up every write of pals.json, keeping copies within the policy', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir, { backupPolicy: everyWrite });
    for (let i = 0; i < 6; i++) await store.update(add(`P${i}`));
    const rolling = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('pals-'));
    expect(rolling).toHaveLength(3);
    const newest = JSON.parse(await readFile(join(dir, 'backups', rolling.sort().at(-1)!), 'utf8')) as StoreDoc;
    expect(newest.engagements.map((e) => e.name)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5']);
  });

  it('never loses an update when two writers share a folder (rebase under the lock)', async () => {
    const dir = await tempDir();
    const a = (await PalsStore.open(dir)).store;
    const b = (await PalsStore.open(dir)).store;
    await a.update(add('From A'));
    const external: string[] = [];
    b.onChange((_doc, origin) => external.push(origin));
    await b.update(add('From B'));
    expect(b.stats.rebases).toBe(1);
    expect(external).toContain('external');
    expect((await readDoc(dir)).engagements.map((e) => e.name).sort()).toEqual(['From A', 'From B']);
    expect(b.doc.engagements).toHaveLength(2);
  });

  it('rejects an operation that no longer applies after another writer changed the file', async () => {
    const dir = await tempDir();
    const a = (await PalsStore.open(dir)).store;
    await a.update(add('Argo', 'argo'));
    const b = (await PalsStore.open(dir)).store;
    await a.update((d) => removeEngagement(d, 'argo'));
    await expect(b.update((d) => moveCard(d, { ref: 'argo', to: 'done', reason: 'board', at: at }))).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await readDoc(dir)).engagements).toEqual([]);
    expect(b.doc.engagements).toEqual([]);
  });

  it('gives an operation queued during a rebasing write the value from the merged document', async () => {
    const dir = await tempDir();
    const a = (await PalsStore.open(dir)).store;
    const b = (await PalsStore.open(dir)).store;
    await a.update(add('From A'));
    const first = b.update(add('From B'));
    await new Promise((resolve) => setImmediate(resolve)); // b's write (with its rebase) is now under way
    const count = b.update((doc) => ({ doc, value: doc.engagements.length }));
    await first;
    expect(await count).toBe(2);
  });

  it('picks up another process’s change on refresh', async () => {
    const dir = await tempDir();
    const a = (await PalsStore.open(dir)).store;
    const b = (await PalsStore.open(dir)).store;
    await a.update(add('Kyverno'));
    expect(await b.refresh()).toBe(true);
    expect(b.doc.engagements.map((e) => e.name)).toEqual(['Kyverno']);
    expect(await b.refresh()).toBe(false);
  });

  it('reports a full disk, keeps the file, and forgets the unsaved change', async () => {
    const dir = await tempDir();
    let full = false;
    const fs: Fs = {
      ...nodeFs,
      open: (path, ...rest) =>
        full && String(path).endsWith('.tmp')
          ? Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))
          : nodeFs.open(path, ...rest),
    };
    const { store } = await PalsStore.open(dir, { fs });
    await store.update(add('Kept'));
    const before = await readFile(join(dir, 'pals.json'), 'utf8');
    full = true;
    await expect(store.update(add('Lost'))).rejects.toMatchObject({ code: 'store-write', message: 'not saved: the disk is full' });
    expect(store.doc.engagements.map((e) => e.name)).toEqual(['Kept']);
    expect(await readFile(join(dir, 'pals.json'), 'utf8')).toBe(before);
    full = false;
    await store.update(add('Later'));
    expect((await readDoc(dir)).engagements.map((e) => e.name)).toEqual(['Kept', 'Later']);
  });

  it('takes over a lock left by a dead process, and times out on a live one', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const lock = join(dir, 'pals.lock');
    const { hostname } = await import('node:os');
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: Date.now(), token: 'dead' }));
    const { store } = await PalsStore.open(dir, { lockTimeoutMs: 300 });
    await store.update(add('After dead lock'));
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), token: 'live' }));
    await expect(store.update(add('Blocked'))).rejects.toMatchObject({
      code: 'store-locked',
      message: expect.stringMatching(/pid \d+.*lock/),
    });
    expect((await readDoc(dir)).engagements.map((e) => e.name)).toEqual(['After dead lock']);
  });

  it('restores a whole document, keeping the previous file in backups', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir);
    await store.update(add('Old'));
    const previous = await readFile(join(dir, 'pals.json'), 'utf8');
    const kept = await store.replace(addEngagement(emptyDoc(), { name: 'New' }, { id: 'new-id', at }).doc, 'before-restore');
    expect(kept).toMatch(/before-restore-/);
    expect(await readFile(kept!, 'utf8')).toBe(previous);
    expect((await readDoc(dir)).engagements.map((e) => e.name)).toEqual(['New']);
  });
});
