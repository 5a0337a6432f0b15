import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeOrphanTemps, writeFileDurable } from '../../../../electron/core/lib/durable-write.js';
import { nodeFs, type Fs } from '../../../../electron/core/lib/fs.js';
import { tempDir } from '../../../helpers.js';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileDurable', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pals.json');
    await writeFileDurable(file, 'one');
    await writeFileDurable(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['pals.json']);
  });

  it('retries a rename the OS refuses for a moment', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pals.json');
    let failures = 2;
    const fs: Fs = { ...nodeFs, rename: (a, b) => (failures-- > 0 ? Promise.reject(errno('EBUSY')) : nodeFs.rename(a, b)) };
    await writeFileDurable(file, 'new', { fs });
    expect(failures).toBe(-1);
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('surfaces a rename that keeps failing, keeping the old file and removing the temp file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pals.json');
    await writeFile(file, 'old');
    let attempts = 0;
    const fs: Fs = { ...nodeFs, rename: () => (attempts++, Promise.reject(errno('EPERM'))) };
    await expect(writeFileDurable(file, 'new', { fs, renameAttempts: 3 })).rejects.toMatchObject({ code: 'EPERM' });
    expect(attempts).toBe(3);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['pals.json']);
  });

  it('keeps the old file when the disk is full mid-write', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pals.json');
    await writeFile(file, 'old');
    const fs: Fs = {
      ...nodeFs,
      open: async (...args: Parameters<Fs['open']>) => {
        const handle = await nodeFs.open(...args);
        return Object.assign(Object.create(handle) as typeof handle, {
          write: () => Promise.reject(errno('ENOSPC')),
          stat: () => handle.stat(),
          close: () => handle.close(),
          sync: () => handle.sync(),
        });
      },
    };
    await expect(writeFileDurable(file, 'new', { fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['pals.json']);
  });
});

describe('removeOrphanTemps', () => {
  it('deletes temp files of dead writers and keeps live ones', async () => {
    const dir = await tempDir();
    const file = join(dir, 'pals.json');
    const dead = `.pals.json.${2 ** 22 + 4321}.abcdef.tmp`;
    const mine = `.pals.json.${process.pid}.123456.tmp`;
    await Promise.all([
      writeFile(file, '{}'),
      writeFile(join(dir, dead), 'x'),
      writeFile(join(dir, mine), 'y'),
      writeFile(join(dir, 'notes.tmp'), 'z'),
    ]);
    expect(await removeOrphanTemps(file)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([mine, 'notes.tmp', 'pals.json'].sort());
  });
});
