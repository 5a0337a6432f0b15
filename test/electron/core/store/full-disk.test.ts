/**
 * A full disk: `FileHandle.write` may write fewer bytes than asked without throwing. Every write
 * of the store must then fail (never be acknowledged), leave what was there intact, and a failed
 * fold must be reported while the journal keeps every change.
 */
import { describe, expect, it } from 'vitest';
import { appendJournal, headerLine, readJournal, recordLine } from '../../../../electron/core/store/journal-file.js';
import { writeFileDurable } from '../../../../electron/core/lib/durable-write.js';
import { PalsStore, type StoreOptions } from '../../../../electron/core/store/store.js';
import { addEngagement, addNote } from '../../../../shared/engagements.js';
import type { StoreDoc } from '../../../../shared/schema.js';
import { faultyFs, type Fault } from '../../../support/faulty-fs.js';
import { createMemoryFs } from '../../../support/memory-fs.js';

const at = '2026-11-27T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const note = (text: string) => (doc: StoreDoc) => addNote(doc, 'argo-id', { kind: 'general', text }, { id: `n-${text}`, at });
const notes = (doc: StoreDoc) => doc.engagements.flatMap((e) => e.notes.map((n) => n.text));
const SHORT: Fault = { kind: 'short' };
const STALL: Fault = { kind: 'stall' };

describe('writes on a full disk', () => {
  it.each([
    ['short', SHORT],
    ['stalled', STALL],
  ] as const)('a %s write fails the durable write and keeps the old file', async (_name, fault) => {
    const memory = createMemoryFs();
    memory.putFile('/d/pals.json', 'old');
    const fs = faultyFs(memory);
    fs.armWhen((o) => o.op === 'handle.write', fault, true);
    await expect(writeFileDurable('/d/pals.json', 'x'.repeat(5000), { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    fs.clear();
    expect(memory.readText('/d/pals.json')).toBe('old');
    expect(memory.list()).toEqual(['/d/pals.json']);
  });

  it('writes every byte when the disk writes a little at a time', async () => {
    const memory = createMemoryFs();
    const fs = faultyFs(memory);
    // Each write hit is short (half); the loop goes on until all is written.
    const text = 'y'.repeat(10_000);
    fs.arm(1, SHORT); // 0: open, 1: the first write
    await writeFileDurable('/d.json', text, { fs });
    expect(fs.fired).toBe(1);
    expect(fs.ops.filter((o) => o.op === 'handle.write')).toHaveLength(2);
    expect(memory.readText('/d.json')).toBe(text);
  });

  it('a short journal append is not acknowledged and leaves the journal as it was', async () => {
    const memory = createMemoryFs();
    const fs = faultyFs(memory);
    const path = '/d/pals.journal';
    memory.putFile('/d/x', '');
    const first = headerLine('1:1') + recordLine({ k: { a: 1 } });
    await appendJournal(fs, path, first, null);
    fs.arm(fs.ops.length + 1, SHORT, true); // open, then the write
    await expect(appendJournal(fs, path, recordLine({ k: { a: 2 } }), Buffer.byteLength(first))).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    fs.clear();
    expect(memory.readText(path)).toBe(first);
    await appendJournal(fs, path, recordLine({ k: { a: 3 } }), Buffer.byteLength(first));
    expect((await readJournal(fs, path))!.records).toEqual([{ k: { a: 1 } }, { k: { a: 3 } }]);
  });

  it('a short write of a new journal removes it, so the next append starts it again', async () => {
    const memory = createMemoryFs();
    memory.putFile('/d/x', '');
    const fs = faultyFs(memory);
    fs.arm(1, SHORT, true);
    await expect(appendJournal(fs, '/d/pals.journal', headerLine('1:1') + recordLine({}), null)).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    fs.clear();
    expect(memory.exists('/d/pals.journal')).toBe(false);
    await appendJournal(fs, '/d/pals.journal', headerLine('1:1') + recordLine({}), null);
    expect((await readJournal(fs, '/d/pals.journal'))!.records).toEqual([{}]);
  });
});

describe('the store on a full disk', () => {
  const openOn = (fs: ReturnType<typeof faultyFs>, options: StoreOptions = {}) => PalsStore.open('/data', { fs, ...options });

  it('refuses a note it cannot write whole ("not saved: the disk is full") and loses nothing acknowledged', async () => {
    const memory = createMemoryFs();
    const fs = faultyFs(memory);
    const { store } = await openOn(fs);
    await store.update(add('Argo'));
    await store.update(note('kept'));
    // Room for the lock file, not for the new pals.json.
    fs.armWhen((o) => o.op === 'handle.write' && o.path.endsWith('.tmp'), SHORT, true);
    await expect(store.update(note('x'.repeat(4000)))).rejects.toThrow('not saved: the disk is full');
    expect(notes(store.doc)).toEqual(['kept']);
    fs.clear();
    await store.close();
    const { store: again, recovery } = await openOn(fs);
    expect(recovery).toBeNull();
    expect(notes(again.doc)).toEqual(['kept']);
  });

  it('reports a fold that fails on close, keeps the journal, and folds it once there is room', async () => {
    const memory = createMemoryFs();
    const fs = faultyFs(memory);
    const journaling: StoreOptions = { journalFromBytes: 0, compactAfterMs: 60_000 };
    const { store } = await openOn(fs, journaling);
    await store.update(add('Argo'));
    for (const t of ['one', 'two', 'three']) await store.update(note(t));
    expect(memory.exists('/data/pals.journal')).toBe(true);
    fs.armWhen((o) => o.op === 'handle.write' && o.path.endsWith('.tmp'), SHORT, true);
    await expect(store.close()).rejects.toThrow(/not folded into pals\.json \(the disk is full\); nothing saved is lost/);
    fs.clear();
    expect(memory.exists('/data/pals.journal')).toBe(true);
    const { store: again, recovery } = await openOn(fs);
    expect(recovery).toBeNull();
    expect(notes(again.doc)).toEqual(['one', 'two', 'three']);
    await again.close();
    expect(memory.exists('/data/pals.journal')).toBe(false);
    const { store: third } = await openOn(fs);
    expect(notes(third.doc)).toEqual(['one', 'two', 'three']);
  });
});
