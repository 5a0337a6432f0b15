import { constants } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signatureOf } from '../../electron/core/lib/fs.js';
import { PalsStore } from '../../electron/core/store/store.js';
import { addEngagement } from '../../shared/engagements.js';
import type { StoreDoc } from '../../shared/schema.js';
import { createMemoryFs, type FsOperation } from './memory-fs.js';
import { moveCard } from '../../shared/move.js';

const DIR = '/mem/data';
const at = '2026-03-02T10:00:00.000Z';
const add = (name: string) => (doc: StoreDoc) => addEngagement(doc, { name }, { id: `${name.toLowerCase()}-id`, at });
const names = (doc: StoreDoc) => doc.engagements.map((e) => e.name);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as NodeJS.ErrnoException).code,
  );

describe('the memory file system', () => {
  it('fails like Node: ENOENT, EEXIST for wx and link, EISDIR, with code, syscall and path', async () => {
    const fs = createMemoryFs();
    const missing = await fs.readFile('/nope/x.json', 'utf8').catch((e: unknown) => e as NodeJS.ErrnoException);
    expect(missing).toMatchObject({ code: 'ENOENT', syscall: 'open', path: '/nope/x.json' });
    expect(String(missing)).toMatch(/ENOENT: no such file or directory, open '\/nope\/x.json'/);
    await fs.mkdir('/d');
    await fs.writeFile('/d/a', 'one');
    expect(await codeOf(fs.open('/d/a', 'wx'))).toBe('EEXIST');
    expect(await codeOf(fs.writeFile('/d/a', 'two', { flag: 'wx' }))).toBe('EEXIST');
    expect(await codeOf(fs.link('/d/a', '/d/a'))).toBe('EEXIST');
    expect(await codeOf(fs.link('/d/none', '/d/b'))).toBe('ENOENT');
    expect(await codeOf(fs.copyFile('/d/a', '/d/a', constants.COPYFILE_EXCL))).toBe('EEXIST');
    expect(await codeOf(fs.readFile('/d'))).toBe('EISDIR');
    expect(await codeOf(fs.unlink('/d'))).toBe('EISDIR');
    expect(await codeOf(fs.mkdir('/d'))).toBe('EEXIST');
    expect(await codeOf(fs.mkdir('/x/y'))).toBe('ENOENT');
    expect(await codeOf(fs.rename('/d/none', '/d/b'))).toBe('ENOENT');
    expect(await codeOf(fs.rename('/d/a', '/nowhere/b'))).toBe('ENOENT');
    expect(await codeOf(fs.stat('/d/a/b'))).toBe('ENOTDIR');
    expect(await fs.readFile('/d/a', 'utf8')).toBe('one');
    expect([(await fs.stat('/d')).isDirectory(), (await fs.stat('/d/a')).isFile()]).toEqual([true, true]);
  });

  it('renames a new inode into place atomically, and advances mtime on every write', async () => {
    const fs = createMemoryFs({ clock: () => 1_000 });
    await fs.mkdir('/d/e/f', { recursive: true });
    await fs.writeFile('/d/target', 'old');
    const before = await fs.stat('/d/target');
    const handle = await fs.open('/d/.target.tmp', 'wx', 0o600);
    await handle.writeFile('new!');
    await handle.sync();
    const prepared = await handle.stat();
    await handle.close();
    await fs.rename('/d/.target.tmp', '/d/target');
    const after = await fs.stat('/d/target');
    expect(after.ino).not.toBe(before.ino);
    expect(signatureOf(after)).toBe(signatureOf(prepared));
    expect(after.mtimeMs).toBeGreaterThan(before.mtimeMs); // the clock stood still: mtimes still increase
    expect(await fs.readFile('/d/target', 'utf8')).toBe('new!');
    expect(await fs.readdir('/d')).toEqual(['e', 'target']);
    // A write in place keeps the inode and changes the signature.
    await fs.writeFile('/d/target', 'new?');
    const rewritten = await fs.stat('/d/target');
    expect(rewritten.ino).toBe(after.ino);
    expect(signatureOf(rewritten)).not.toBe(signatureOf(after));
  });

  it('appends in append mode, writes at positions, truncates and reads back through handles', async () => {
    const fs = createMemoryFs();
    const log = await fs.open('/log', 'a');
    await log.write('one\n');
    await log.write(Buffer.from('two\n'), 0, 4, 0); // append mode ignores the position
    await log.close();
    expect(fs.readText('/log')).toBe('one\ntwo\n');
    const edit = await fs.open('/log', 'r+');
    await edit.truncate(4);
    await edit.write(Buffer.from('TWO\n'), 0, 4, 4);
    const buf = Buffer.alloc(3);
    expect((await edit.read(buf, 0, 3, 4)).bytesRead).toBe(3);
    expect(buf.toString()).toBe('TWO');
    expect((await edit.stat()).size).toBe(8);
    await edit.close();
    expect(await codeOf(edit.stat())).toBe('EBADF');
    const reader = await fs.open('/log', 'r');
    expect(await codeOf(reader.write('x'))).toBe('EBADF');
    expect(await reader.readFile('utf8')).toBe('one\nTWO\n');
    await reader.close();
    // A folder opens for reading, so a folder fsync works; reading it does not.
    const dir = await fs.open('/', 'r');
    await dir.sync();
    expect(await codeOf(dir.readFile())).toBe('EISDIR');
    await dir.close();
  });

  it('keeps a hard link to an inode when the first name goes, and lets a test intercept any operation', async () => {
    const seen: FsOperation[] = [];
    const fs = createMemoryFs({
      intercept: (operation) => {
        seen.push(operation);
        if (operation.op === 'fs.rename' && operation.path.endsWith('.full')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
    });
    fs.putFile('/a/lock', 'mine');
    await fs.link('/a/lock', '/a/lock.aside');
    await fs.unlink('/a/lock');
    expect(await fs.readFile('/a/lock.aside', 'utf8')).toBe('mine');
    expect(fs.list()).toEqual(['/a/lock.aside']);
    await fs.writeFile('/a/x.full', '');
    expect(await codeOf(fs.rename('/a/x.full', '/a/y'))).toBe('ENOSPC');
    expect(seen.map((s) => s.op)).toEqual(['fs.link', 'fs.unlink', 'fs.readFile', 'fs.writeFile', 'fs.rename']);
  });
});

describe('PalsStore on the memory file system', () => {
  it('opens, saves, closes, and a reopened store sees the data', async () => {
    const fs = createMemoryFs();
    const { store, recovery } = await PalsStore.open(DIR, { fs });
    expect(recovery).toBeNull();
    await store.update(add('Kyverno'));
    await store.update(add('Argo'));
    await store.close();
    expect((JSON.parse(fs.readText(`${DIR}/pals.json`)) as StoreDoc).engagements).toHaveLength(2);
    expect(fs.exists(`${DIR}/pals.lock`)).toBe(false);
    const again = await PalsStore.open(DIR, { fs });
    expect(again.recovery).toBeNull();
    expect(names(again.store.doc)).toEqual(['Kyverno', 'Argo']);
  });

  it('journals changes in journal mode and folds them into pals.json on close', async () => {
    const fs = createMemoryFs();
    const { store } = await PalsStore.open(DIR, { fs, journalFromBytes: 0 });
    await store.update(add('Kyverno')); // the first write makes pals.json
    await store.update(add('Argo'));
    await store.update((doc) => moveCard(doc, { ref: 'argo-id', to: 'meet-greet', reason: 'board', at: at }));
    expect(store.stats.appends).toBe(2);
    expect(fs.readText(`${DIR}/pals.journal`).split('\n')).toHaveLength(4); // header, two records, last newline
    // A second process reads pals.json with the journal replayed.
    const reader = await PalsStore.open(DIR, { fs, journalFromBytes: 0 });
    expect(names(reader.store.doc)).toEqual(['Kyverno', 'Argo']);
    expect(reader.store.doc.engagements[1]!.phase).toBe('meet-greet');
    await store.close();
    expect(fs.exists(`${DIR}/pals.journal`)).toBe(false);
    const reopened = await PalsStore.open(DIR, { fs });
    expect(reopened.store.doc.engagements.map((e) => [e.name, e.phase])).toEqual([
      ['Kyverno', 'intake'],
      ['Argo', 'meet-greet'],
    ]);
  });

  it.each([
    ['whole-file writes', {}],
    ['journal appends', { journalFromBytes: 0 }],
  ])('lets two stores on one file system see each other’s writes after refresh (%s)', async (_label, options) => {
    const fs = createMemoryFs();
    const first = (await PalsStore.open(DIR, { fs, ...options })).store;
    await first.update(add('Kyverno'));
    const second = (await PalsStore.open(DIR, { fs, ...options })).store;
    expect(names(second.doc)).toEqual(['Kyverno']);
    await first.update(add('Argo'));
    expect(await second.refresh()).toBe(true);
    expect(names(second.doc)).toEqual(['Kyverno', 'Argo']);
    await second.update(add('Falco'));
    expect(await first.refresh()).toBe(true);
    expect(names(first.doc)).toEqual(['Kyverno', 'Argo', 'Falco']);
    expect(await first.refresh()).toBe(false);
    // Writing without a refresh rebases on the other's version instead of losing it.
    await second.update(add('Crossplane'));
    await first.update(add('Tinkerbell'));
    expect(first.stats.rebases).toBe(1);
    expect(await second.refresh()).toBe(true);
    expect(names(second.doc)).toEqual(['Kyverno', 'Argo', 'Falco', 'Crossplane', 'Tinkerbell']);
    await Promise.all([first.close(), second.close()]);
    expect(names((await PalsStore.open(DIR, { fs })).store.doc)).toEqual(['Kyverno', 'Argo', 'Falco', 'Crossplane', 'Tinkerbell']);
  });
});
