/**
 * The seal beside pals.json: a file this program wrote loads without validating it again; any
 * other bytes (an edit, a copy, a crash between the two writes, another schema version) are
 * validated in full exactly as before, and journal lines on top of a sealed file still are.
 */
import { appendFile, copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { recordLine } from '../../../../electron/core/store/journal-file.js';
import { SEAL_FORMAT } from '../../../../electron/core/store/seal.js';
import { PalsStore, type StoreOptions } from '../../../../electron/core/store/store.js';
import { addEngagement, editEngagement } from '../../../../shared/engagements.js';
import { SCHEMA_VERSION, StoreDocSchema, type StoreDoc } from '../../../../shared/schema.js';
import { tempDir } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const names = (doc: StoreDoc) => doc.engagements.map((e) => e.name);
const journaling: StoreOptions = { journalFromBytes: 0, compactAfterMs: 60_000 };
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** A folder whose pals.json (Argo, Kyverno) was written, and sealed, by the store. */
async function sealedFolder(options: StoreOptions = {}): Promise<string> {
  const dir = await tempDir();
  const { store } = await PalsStore.open(dir, options);
  await store.update(add('Argo'));
  await store.update(add('Kyverno'));
  await store.close();
  return dir;
}

/** Opens `dir` and counts the full-document validations it made. */
async function openCounting(dir: string, options: StoreOptions = {}) {
  const validate = vi.spyOn(StoreDocSchema, 'safeParse');
  try {
    const opened = await PalsStore.open(dir, options);
    return { ...opened, validations: validate.mock.calls.length };
  } finally {
    validate.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the seal of pals.json', () => {
  it('is written with every pals.json this program writes, and lets the next load skip validation', async () => {
    const dir = await sealedFolder();
    const seal = JSON.parse(await readFile(join(dir, 'pals.seal'), 'utf8')) as Record<string, unknown>;
    const bytes = await readFile(join(dir, 'pals.json'));
    expect(seal).toMatchObject({
      seal: SEAL_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      size: bytes.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { store, recovery, validations } = await openCounting(dir);
    expect(recovery).toBeNull();
    expect(validations).toBe(0);
    expect(store.stats).toMatchObject({ sealedLoads: 1, validatedLoads: 0 });
    expect(names(store.doc)).toEqual(['Argo', 'Kyverno']);
    expect(store.doc).toEqual(JSON.parse(bytes.toString('utf8')));
  });

  it('validates in full once a byte of the file changed (a hand-edit), and takes the edit', async () => {
    const dir = await sealedFolder();
    const file = join(dir, 'pals.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"Kyverno"', '"Kyvernp"')); // same size, other bytes
    const { store, recovery, validations } = await openCounting(dir);
    expect(recovery).toBeNull();
    expect(validations).toBeGreaterThan(0);
    expect(store.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
    expect(names(store.doc)).toEqual(['Argo', 'Kyvernp']);
  });

  it('still moves a hand-edited invalid file aside, seal or not', async () => {
    const dir = await sealedFolder({ backupPolicy: { minIntervalMs: 0, keepNewest: 3, keepDays: 0 } });
    const file = join(dir, 'pals.json');
    const bad = (await readFile(file, 'utf8')).replace('"phase":"intake"', '"phase":"nowhere"');
    await writeFile(file, bad);
    const { store, recovery } = await PalsStore.open(dir);
    expect(recovery?.reason).toMatch(/damaged.*phase/);
    expect(await readFile(recovery!.movedAside!, 'utf8')).toBe(bad);
    expect(names(store.doc)).toEqual(['Argo', 'Kyverno']); // the newest backup: the file as last written
  });

  it('validates in full after a crash between writing pals.json and its seal (a stale seal)', async () => {
    const dir = await sealedFolder();
    const oldSeal = await readFile(join(dir, 'pals.seal'), 'utf8');
    let crashed = false;
    const fs: Fs = {
      ...nodeFs,
      // The process "dies" before the new seal is in place: its rename never happens.
      rename: (from, to) => {
        if (!String(to).endsWith('pals.seal')) return nodeFs.rename(from, to);
        crashed = true;
        return Promise.reject(new Error('killed'));
      },
    };
    const { store } = await PalsStore.open(dir, { fs });
    await store.update(add('Falco'));
    expect(crashed).toBe(true);
    expect(await readFile(join(dir, 'pals.seal'), 'utf8')).toBe(oldSeal);
    const { store: again, validations } = await openCounting(dir);
    expect(validations).toBeGreaterThan(0);
    expect(again.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
    expect(names(again.doc)).toEqual(['Argo', 'Kyverno', 'Falco']);
  });

  it('validates a file copied in (an older version of it), and a seal for another schema version', async () => {
    const dir = await sealedFolder();
    const older = join(dir, 'older.json');
    await copyFile(join(dir, 'pals.json'), older);
    const { store } = await PalsStore.open(dir);
    await store.update(add('Falco'));
    await store.close();
    await copyFile(older, join(dir, 'pals.json'));
    const copied = await openCounting(dir);
    expect(copied.validations).toBeGreaterThan(0);
    expect(names(copied.store.doc)).toEqual(['Argo', 'Kyverno']);

    const fresh = await sealedFolder();
    const sealFile = join(fresh, 'pals.seal');
    await writeFile(sealFile, (await readFile(sealFile, 'utf8')).replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":0'));
    const other = await openCounting(fresh);
    expect(other.validations).toBeGreaterThan(0);
    expect(other.store.stats.sealedLoads).toBe(0);
  });

  it('ignores a damaged seal', async () => {
    const dir = await sealedFolder();
    await writeFile(join(dir, 'pals.seal'), '{"seal":1,"size":');
    const { store, validations } = await openCounting(dir);
    expect(validations).toBeGreaterThan(0);
    expect(names(store.doc)).toEqual(['Argo', 'Kyverno']);
  });

  it('seals the file a recovery writes', async () => {
    const dir = await sealedFolder({ backupPolicy: { minIntervalMs: 0, keepNewest: 3, keepDays: 0 } });
    await writeFile(join(dir, 'pals.json'), '{"schemaVersion":1,');
    const { recovery } = await PalsStore.open(dir);
    expect(recovery?.restoredFrom).toBeTruthy();
    const { store, validations } = await openCounting(dir);
    expect(validations).toBe(0);
    expect(names(store.doc)).toEqual(['Argo', 'Kyverno']);
  });
});

describe('journal lines on top of a sealed pals.json', () => {
  it('are applied and validated while the sealed values are not', async () => {
    const dir = await sealedFolder(journaling);
    const { store } = await PalsStore.open(dir, { ...journaling, foldOnClose: false });
    await store.update((d) => editEngagement(d, 'argo-id', { hours: 7 }, at));
    await store.close();
    expect(await exists(join(dir, 'pals.journal'))).toBe(true);
    const { store: again, recovery } = await openCounting(dir, journaling);
    expect(recovery).toBeNull();
    expect(again.stats.sealedLoads).toBe(1);
    expect(again.doc.engagements[0]!.hours).toBe(7);
    // The same document a full validation gives.
    await rm(join(dir, 'pals.seal'));
    const { store: validated } = await PalsStore.open(dir, journaling);
    expect(validated.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
    expect(again.doc).toEqual(validated.doc);
  });

  it.each([
    ['a value the schema refuses', { e: [{ id: 'argo-id', name: '', createdAt: at, updatedAt: at }] }, /name: must not be empty/],
    [
      'a round that does not exist',
      { e: [{ id: 'argo-id', name: 'Argo', round: 'round-9', createdAt: at, updatedAt: at }] },
      /names no round/,
    ],
    ['a duplicate id', { o: ['argo-id', 'argo-id', 'kyverno-id'] }, /duplicate id argo-id/],
    ['bad settings', { k: { settings: { dueSoonDays: -1 } } }, /settings\.dueSoonDays/],
  ])('that carry %s are refused as a damaged journal', async (_label, record, message) => {
    const dir = await sealedFolder(journaling);
    const { store } = await PalsStore.open(dir, { ...journaling, foldOnClose: false });
    await store.update((d) => editEngagement(d, 'kyverno-id', { hours: 3 }, at));
    await store.close();
    await appendFile(join(dir, 'pals.journal'), recordLine(record));
    const { store: again, recovery } = await PalsStore.open(dir, journaling);
    expect(recovery?.reason).toMatch(/the change journal's changes are not valid/);
    expect(recovery?.reason).toMatch(message);
    expect(names(again.doc)).toEqual(['Argo', 'Kyverno']);
    expect(again.doc.engagements[1]!.hours).toBeNull(); // pals.json alone: the whole journal is set aside, as before
  });
});
