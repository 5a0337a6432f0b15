/**
 * A store written by a newer version (a newer schemaVersion, or fields this version does not
 * know) is refused in plain words and left exactly as it is: never moved aside as damaged, and
 * no new store is made over it or beside it. A wrong value is damage and is recovered as before.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordLine } from '../../../../electron/core/store/journal-file.js';
import { PalsStore, type StoreOptions } from '../../../../electron/core/store/store.js';
import { addEngagement } from '../../../../shared/engagements.js';
import { SCHEMA_VERSION, type StoreDoc } from '../../../../shared/schema.js';
import { pals, tempDir } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const journaling: StoreOptions = { journalFromBytes: 0, compactAfterMs: 60_000 };

/** Every file under `dir` with its bytes and modification time: "left exactly as it is". */
async function snapshot(dir: string): Promise<Record<string, { bytes: string; mtime: number }>> {
  const out: Record<string, { bytes: string; mtime: number }> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    out[name] = { bytes: info.isFile() ? (await readFile(path)).toString('base64') : 'dir', mtime: info.mtimeMs };
  }
  return out;
}

/** A folder holding a store this version wrote, then changed by `edit` as a newer version would write it. */
async function folderWith(edit: (doc: Record<string, unknown>) => void): Promise<string> {
  const dir = await tempDir();
  const { store } = await PalsStore.open(dir);
  await store.update(add('Argo'));
  await store.update(add('Kyverno'));
  await store.close();
  const doc = JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as Record<string, unknown>;
  edit(doc);
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  return dir;
}

const engagements = (doc: Record<string, unknown>) => doc.engagements as Record<string, unknown>[];

describe('a store from a newer version', () => {
  it.each([
    [
      'a field on an engagement',
      (doc: Record<string, unknown>) => void (engagements(doc)[1]!.checks = [{ kind: 'policy' }]),
      /engagements\[1\]\.checks/,
    ],
    ['a top-level field', (doc: Record<string, unknown>) => void (doc.pals = [{ name: 'Ana' }]), /\(pals\)/],
    [
      'a field in the settings',
      (doc: Record<string, unknown>) => void ((doc.settings as Record<string, unknown>).theme = 'dark'),
      /settings\.theme/,
    ],
    ['a newer schemaVersion', (doc: Record<string, unknown>) => void (doc.schemaVersion = SCHEMA_VERSION + 1), /format 3/],
  ])('is refused and left exactly as it is: %s', async (_what, edit, names) => {
    const dir = await folderWith(edit);
    const before = await snapshot(dir);
    const error = await PalsStore.open(dir).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error).toMatchObject({ code: 'store-newer' });
    expect(error!.message).toMatch(/written by a newer version of Security Pals Desk; update it/);
    expect(error!.message).toMatch(names);
    expect(error!.message).toMatch(/pals\.json.*not changed/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('is refused even when a wrong value comes with the unknown field (never moved aside)', async () => {
    const dir = await folderWith((doc) => {
      engagements(doc)[0]!.phase = 'triage';
      engagements(doc)[0]!.triagedBy = 'Ana';
    });
    const before = await snapshot(dir);
    await expect(PalsStore.open(dir)).rejects.toMatchObject({
      code: 'store-newer',
      message: expect.stringMatching(/engagements\[0\]\.triagedBy.*update it.*engagements\[0\]\.phase/),
    });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('is refused when the journal brings the newer fields, naming the journal, and nothing changes', async () => {
    const dir = await tempDir();
    const { store } = await PalsStore.open(dir, journaling);
    await store.update(add('Argo'));
    await store.update(add('Kyverno'));
    // A newer build appended a change with a field this one does not know, and was killed.
    const journal = join(dir, 'pals.journal');
    const falco = { ...add('Falco')(store.doc).doc.engagements[2]!, intake: { checkedAt: at } };
    await writeFile(journal, `${await readFile(journal, 'utf8')}${recordLine({ e: [falco] })}`);
    const before = await snapshot(dir);
    await expect(PalsStore.open(dir, journaling)).rejects.toMatchObject({
      code: 'store-newer',
      message: expect.stringMatching(/pals\.journal has fields this version does not know \(engagements\[2\]\.intake\).*update it/),
    });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a wrong value is damage: moved aside and recovered as before', async () => {
    const dir = await folderWith((doc) => void (engagements(doc)[0]!.phase = 'triage'));
    const { store, recovery } = await PalsStore.open(dir);
    expect(recovery?.reason).toMatch(/damaged: engagements\[0\]\.phase/);
    expect(recovery?.movedAside).toMatch(/backups/);
    await store.close();
  });
});

describe('pals on a folder a newer version wrote', () => {
  it('exits 1 with the plain words, and add, note, list and restore leave the folder byte-identical', async () => {
    const dir = await folderWith((doc) => void (engagements(doc)[0]!.checks = []));
    const before = await snapshot(dir);
    for (const args of [['add', '--name', 'New'], ['add', '--name', 'Again'], ['list'], ['note', 'argo', '--text', 'x'], ['board']]) {
      const result = await pals(dir, args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(
        /^error: .*pals\.json cannot be opened: it has fields this version does not know \(engagements\[0\]\.checks\): it was written by a newer version of Security Pals Desk; update it/,
      );
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses to restore a backup from a newer version, saying so', async () => {
    const source = await folderWith((doc) => void (doc.schemaVersion = SCHEMA_VERSION + 1));
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Mine'])).code).toBe(0);
    const before = await snapshot(dir);
    const result = await pals(dir, ['restore', join(source, 'pals.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: .*was written by a newer version of Security Pals Desk; update it.*the store was not changed/);
    expect(await snapshot(dir)).toEqual(before);
  });
});
