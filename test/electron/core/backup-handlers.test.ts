/**
 * The app's backup and restore calls run the checks of `pals restore` (a regular file, not over
 * the size limit, a valid store) before anything is replaced, and a page never names a file.
 */
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportPlatform } from '../../../electron/core/context.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers.js';

async function core(openPath: string | null) {
  const { store } = await PalsStore.open(await tempDir());
  const platform: ExportPlatform = {
    saveFile: () => Promise.resolve(null),
    printToPdf: () => Promise.resolve(new Uint8Array()),
    openFile: () => Promise.resolve(openPath),
  };
  const c = createCore(store, { today: () => '2026-11-27', exportPlatform: platform });
  expect(await c.dispatch('addEngagement', { name: 'Kyverno' })).toMatchObject({ ok: true });
  return { c, store };
}

describe('backup and restore from a page', () => {
  it('refuses a device, a file over the limit and a non-backup before replacing anything', async () => {
    const dir = await tempDir();
    // 257 MB, sparse: refused by its size before a byte is read.
    const big = join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, 257 * 1024 * 1024);
    for (const [path, why] of [
      ['/dev/zero', /not a regular file/],
      [big, /257 MB, more than a backup can be/],
      [join(dir, 'missing.json'), /cannot read/],
    ] as const) {
      const { c, store } = await core(path);
      const answer = await c.dispatch('chooseBackup', {});
      expect(answer, path).toMatchObject({ ok: false, error: { message: expect.stringMatching(why) } });
      expect(store.doc.engagements.map((e) => e.name)).toEqual(['Kyverno']);
    }
  });

  it('restores only the backup the core chose and checked; a page cannot name a file', async () => {
    const dir = await tempDir();
    const { c: first } = await core(null);
    const backup = join(dir, 'backup.json');
    expect(await first.call('backupTo', { out: backup })).toMatchObject({ ok: true });
    const { c, store } = await core(backup);
    expect(await c.dispatch('addEngagement', { name: 'Argo' })).toMatchObject({ ok: true });
    expect(await c.dispatch('restoreBackup', { choice: 'abcdefgh', file: backup })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await c.dispatch('restoreBackup', { choice: 'abcdefgh' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const chosen = await c.dispatch('chooseBackup', {});
    expect(chosen).toMatchObject({ ok: true, value: { kind: 'chosen', file: 'backup.json', engagements: 1, current: 2 } });
    const choice = (chosen as { value: { choice: string } }).value.choice;
    expect(await c.dispatch('restoreBackup', { choice })).toMatchObject({
      ok: true,
      value: { engagements: 1, kept: expect.stringMatching(/before-restore-/) },
    });
    expect(store.doc.engagements.map((e) => e.name)).toEqual(['Kyverno']);
    // A choice restores once.
    expect(await c.dispatch('restoreBackup', { choice })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('cancelling the open dialog changes nothing', async () => {
    const { c } = await core(null);
    expect(await c.dispatch('chooseBackup', {})).toEqual(expect.objectContaining({ ok: true, value: { kind: 'cancelled' } }));
  });
});
