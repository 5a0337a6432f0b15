/**
 * A sealed pals.json loads without parsing its notes: the seal says where each engagement's notes
 * lie in the very bytes it vouches for, and each engagement's notes are parsed when first read.
 * What is read is what was written (every byte, multi-byte text included); writing the store
 * again neither parses nor loses the notes nobody read; anything that does not fit (a layout
 * that does not match the bytes, a forged or altered layout, an older seal) loads the whole file.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupText } from '../../../../electron/core/backup-file.js';
import { parseDeferred } from '../../../../electron/core/store/deferred-notes.js';
import { engagementJson } from '../../../../electron/core/store/engagement-json.js';
import { sealKey } from '../../../../electron/core/store/seal-key.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { addEngagement, addNote, editEngagement } from '../../../../shared/engagements.js';
import { noteCount } from '../../../../shared/note-count.js';
import { emptyDoc, type StoreDoc } from '../../../../shared/schema.js';
import { cardView } from '../../../../shared/view.js';
import { HOSTILE, tempDir } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const NAMES = ['Argo', 'Kyverno', 'Falco', 'Notary'];

/** Argo (3 notes), Kyverno (none), Falco (1, hostile text), Notary (2): written and sealed by the store. */
function seeded(): StoreDoc {
  let doc = NAMES.reduce((d, name) => addEngagement(d, { name }, { id: `${name.toLowerCase()}1`, at }).doc, emptyDoc());
  const notes: [string, string][] = [
    ['argo1', 'Kick-off with the maintainers'],
    ['argo1', 'Threat model: trust boundaries 👩🏽‍💻'],
    ['argo1', 'Follow-up: "quoted" \u2028 مرحبا'],
    ['falco1', HOSTILE],
    ['notary1', 'Draft reviewed'],
    ['notary1', 'שלום — done'],
  ];
  notes.forEach(([id, text], i) => {
    doc = addNote(doc, id, { kind: 'general', text }, { id: `note${i}x`, at }).doc;
  });
  return doc;
}

async function sealedFolder(doc: StoreDoc = seeded()): Promise<string> {
  const dir = await tempDir();
  const { store } = await PalsStore.open(dir);
  await store.replace(doc, 'seed');
  await store.close();
  return dir;
}

/** Whether `engagement.notes` is still unparsed (a property that parses on first read). */
const deferred = (engagement: object) => typeof Object.getOwnPropertyDescriptor(engagement, 'notes')?.get === 'function';

describe('a sealed pals.json with its notes layout', () => {
  it('loads every engagement with its notes unparsed, and reads them back exactly as written', async () => {
    const dir = await sealedFolder();
    const written = JSON.parse(await readFile(join(dir, 'pals.json'), 'utf8')) as StoreDoc;
    const { store } = await PalsStore.open(dir);
    expect(store.stats.sealedLoads).toBe(1);
    const [argo, kyverno, falco, notary] = store.doc.engagements;
    // Engagements with notes defer them; one without has nothing to defer.
    expect([argo, falco, notary].map((e) => deferred(e!))).toEqual([true, true, true]);
    expect(deferred(kyverno!)).toBe(false);
    // The board's cards count the notes without parsing them.
    const cards = store.doc.engagements.map((e) => cardView(store.doc, e, '2026-11-27'));
    expect(cards.map((c) => c.noteCount)).toEqual([3, 0, 1, 2]);
    expect(deferred(argo!)).toBe(true);
    // Read, the notes are the ones written, multi-byte and hostile text included, and stay parsed.
    expect(falco!.notes[0]!.text).toBe(HOSTILE);
    expect(deferred(falco!)).toBe(false);
    expect(store.doc).toEqual(written);
    await store.close();
  });

  it('writes unread notes back without parsing them, byte for byte, after an edit and a fold', async () => {
    const dir = await sealedFolder();
    const { store } = await PalsStore.open(dir, { journalFromBytes: 0, compactAfterMs: 60_000 });
    await store.update((doc) => editEngagement(doc, 'notary1', { hours: 4 }, at));
    await store.compactNow();
    // Argo was not touched: its notes went from the old bytes to the new file unparsed.
    expect(deferred(store.doc.engagements[0]!)).toBe(true);
    const text = await readFile(join(dir, 'pals.json'), 'utf8');
    expect(text).toBe(JSON.stringify(store.doc));
    await store.close();
    const again = await PalsStore.open(dir);
    expect(again.store.stats.sealedLoads).toBe(1);
    expect(again.store.doc.engagements.map((e) => noteCount(e))).toEqual([3, 0, 1, 2]);
    expect(again.store.doc.engagements[3]!.hours).toBe(4);
    expect(again.store.doc).toEqual(seededWith({ notary1: { hours: 4 } }, again.store.doc));
    await again.store.close();
  });

  it('applies journal lines on top of a deferred load, and a backup holds every note', async () => {
    const dir = await sealedFolder();
    const cli = await PalsStore.open(dir, { journalFromBytes: 0, foldOnClose: false });
    await cli.store.update((doc) => addNote(doc, 'kyverno1', { kind: 'general', text: 'first note' }, { id: 'knote1', at }));
    await cli.store.close();
    const { store } = await PalsStore.open(dir);
    expect(store.doc.engagements[1]!.notes.map((n) => n.text)).toEqual(['first note']);
    expect(deferred(store.doc.engagements[0]!)).toBe(true);
    const backup = JSON.parse(backupText(store.doc)) as StoreDoc;
    expect(backup.engagements.map((e) => e.notes.length)).toEqual([3, 1, 1, 2]);
    expect(backup.engagements[2]!.notes[0]!.text).toBe(HOSTILE);
    await store.close();
  });

  it('loads the whole file when the seal has no layout (format 3) or its layout was altered', async () => {
    const dir = await sealedFolder();
    const file = join(dir, 'pals.json');
    const bytes = await readFile(file);
    const seal = JSON.parse(await readFile(join(dir, 'pals.seal'), 'utf8')) as { layout: { first: number; e: number[] } };
    const key = (await sealKey())!;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const three = { seal: 3, size: bytes.length, sha256, schemaVersion: 3 };
    const mac = createHmac('sha256', key).update(`pals.seal/3\n3\n${bytes.length}\n${sha256}`).digest('hex');
    await writeFile(join(dir, 'pals.seal'), JSON.stringify({ ...three, mac }));
    const older = await PalsStore.open(dir);
    expect(older.store.stats.sealedLoads).toBe(1);
    expect(older.store.doc.engagements.some(deferred)).toBe(false);
    await older.store.close();
    // A layout changed after the seal was made (one byte earlier) does not verify: validated in full.
    const altered = { ...seal, layout: { ...seal.layout, first: seal.layout.first - 1 } };
    await writeFile(join(dir, 'pals.seal'), JSON.stringify(altered));
    const validated = await PalsStore.open(dir);
    expect(validated.store.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
    expect(validated.store.doc.engagements.some(deferred)).toBe(false);
    expect(validated.store.doc).toEqual(JSON.parse(bytes.toString('utf8')));
    await validated.store.close();
  });
});

describe('a valid pals.json without such a seal', () => {
  it('is sealed with its layout by the load that validated it, when it is what the store writes', async () => {
    const dir = await tempDir();
    const doc = seeded();
    // Written by something else, compact (as a benchmark or a restore of a copy would leave it).
    await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
    const first = await PalsStore.open(dir, { foldOnClose: false });
    expect(first.store.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
    await first.store.close();
    const second = await PalsStore.open(dir);
    expect(second.store.stats).toMatchObject({ sealedLoads: 1, validatedLoads: 0 });
    expect(deferred(second.store.doc.engagements[0]!)).toBe(true);
    expect(second.store.doc).toEqual(doc);
    await second.store.close();
  });

  it('stays unsealed when pretty-printed, and is validated in full again', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'pals.json'), JSON.stringify(seeded(), null, 2));
    for (let i = 0; i < 2; i++) {
      const { store } = await PalsStore.open(dir, { foldOnClose: false });
      expect(store.stats).toMatchObject({ sealedLoads: 0, validatedLoads: 1 });
      await store.close();
    }
  });
});

describe('parseDeferred', () => {
  it('gives null for a layout that does not fit the bytes, and the document for one that does', () => {
    const doc = seeded();
    const text = JSON.stringify(doc);
    const data = Buffer.from(text);
    const first = text.indexOf('"engagements":[') + '"engagements":['.length;
    const e = doc.engagements.flatMap((x) => {
      const j = engagementJson(x);
      return [j.notes![0], j.notes![1] - j.notes![0], j.bytes - j.notes![1], x.notes.length];
    });
    // The first engagement's offset counts bytes: the text before it is ASCII here, so it is the same.
    expect(parseDeferred(data, { first, e })).toEqual(JSON.parse(text));
    expect(parseDeferred(data, { first: first + 1, e })).toBeNull();
    expect(parseDeferred(data, { first, e: e.slice(4) })).toBeNull();
    const shifted = [...e];
    shifted[1] = shifted[1]! - 1;
    expect(parseDeferred(data, { first, e: shifted })).toBeNull();
  });
});

describe('engagementJson', () => {
  it('is JSON.stringify of the engagement, with the byte range of its notes value', () => {
    for (const engagement of seeded().engagements) {
      const j = engagementJson(engagement);
      expect(j.json).toBe(JSON.stringify(engagement));
      expect(j.bytes).toBe(Buffer.byteLength(j.json));
      const bytes = Buffer.from(j.json);
      expect(bytes.toString('utf8', j.notes![0], j.notes![1])).toBe(JSON.stringify(engagement.notes));
      expect(j.count).toBe(engagement.notes.length);
    }
  });
});

/** The seeded document with `patch` applied to engagements by id, compared on what the store keeps. */
function seededWith(patch: Record<string, Record<string, unknown>>, actual: StoreDoc): StoreDoc {
  const doc = seeded();
  return {
    ...doc,
    engagements: doc.engagements.map((e) => {
      const extra = patch[e.id];
      // updatedAt moves with an edit: take it from what was stored.
      return extra ? { ...e, ...extra, updatedAt: actual.engagements.find((x) => x.id === e.id)!.updatedAt } : e;
    }),
  };
}
