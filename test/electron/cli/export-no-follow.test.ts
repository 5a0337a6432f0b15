/**
 * Files the command line writes (exports and backups) replace what is at the path named; they
 * are never written through a symbolic link planted there, and are readable by the user only.
 */
import { lstat, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pals, tempDir } from '../../helpers.js';

describe('what pals writes to a path the user names', () => {
  it.each([
    ['export ics', ['export', 'ics']],
    ['export deck (md)', ['export', 'deck', '--format', 'md']],
    ['export deck (html)', ['export', 'deck', '--format', 'html']],
    ['export assessment', ['export', 'assessment', 'kyverno']],
    ['backup', ['backup']],
  ])('%s replaces a symbolic link instead of writing through it, 0600', async (_what, args) => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Kyverno', '--kickoff', '2026-09-01', '--pal', 'Ann'])).code).toBe(0);
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'keep me\n', { mode: 0o644 });
    const out = join(dir, 'out.file');
    await symlink(victim, out);
    const r = await pals(dir, [...args, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(victim, 'utf8')).toBe('keep me\n');
    expect((await lstat(out)).isSymbolicLink()).toBe(false);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });
});
