/**
 * A real full disk: the real `pals` binary on a small tmpfs whose free space is cut before each
 * write (Linux, as root; skipped with the reason printed where a tmpfs cannot be mounted). A write
 * that does not fit must fail with "error: not saved: the disk is full" (exit 1), a fold that does
 * not fit must be reported, and once there is room again every acknowledged note is there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PalsStore } from '../../../electron/core/store/store.js';
import { addEngagement, addNote } from '../../../shared/engagements.js';
import type { StoreDoc } from '../../../shared/schema.js';
import { PALS_BIN, runNode } from '../../helpers.js';

/** Mounts a tmpfs of `size` on a new folder; the folder, or why it cannot be done. */
function mountTmpfs(size: string): { dir: string; skip: null } | { dir: null; skip: string } {
  if (process.platform !== 'linux') return { dir: null, skip: `not Linux (${process.platform})` };
  const dir = mkdtempSync(join(tmpdir(), 'pals-full-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status === 0) return { dir, skip: null };
  rmSync(dir, { recursive: true, force: true });
  const why = (mounted.stderr || String(mounted.error ?? `exit ${String(mounted.status)}`)).trim().split('\n')[0];
  return { dir: null, skip: `cannot mount a tmpfs here (${why}); run the suite as root on Linux to try a real full disk` };
}

const disk = mountTmpfs('8m');
if (disk.skip) console.warn(`full-disk tests skipped: ${disk.skip}`);

afterAll(() => {
  if (!disk.dir) return;
  spawnSync('umount', [disk.dir]);
  rmSync(disk.dir, { recursive: true, force: true });
});

const FILLER = () => join(disk.dir!, 'filler');

/** Fills the tmpfs so that only `free` bytes are left (rounded down to pages by tmpfs). */
async function leaveFree(free: number): Promise<void> {
  await rm(FILLER(), { force: true });
  const { bavail, bsize } = statfsSync(disk.dir!);
  let left = Math.max(0, bavail * bsize - free);
  const handle = await open(FILLER(), 'w');
  try {
    const zeros = Buffer.alloc(1024 * 1024);
    while (left > 0) {
      const { bytesWritten } = await handle.write(zeros, 0, Math.min(left, zeros.length));
      if (bytesWritten === 0) break;
      left -= bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

const palsIn = (dir: string, args: string[]) =>
  runNode([PALS_BIN, '--data', dir, ...args], { env: { ...process.env, PALS_NOW: '2026-11-27' } });

const at = '2026-11-01T10:00:00.000Z';
/** A store of `count` engagements with a long note each, written directly (fast). */
async function seed(dir: string, count: number, noteBytes: number): Promise<void> {
  const { store } = await PalsStore.open(dir);
  await store.update((doc: StoreDoc) => {
    let next = doc;
    for (let i = 0; i < count; i++) {
      next = addEngagement(next, { name: `Project ${i}` }, { id: `proj-${i}`, at }).doc;
      next = addNote(next, `proj-${i}`, { kind: 'general', text: 'n'.repeat(noteBytes) }, { id: `seed-${i}`, at }).doc;
    }
    return { doc: next, value: null };
  });
  await store.close();
}

/** Every note text in the store as the next `pals` sees it, and what it said on stderr. */
async function storedNotes(dir: string): Promise<{ texts: Set<string>; engagements: number; stderr: string }> {
  const listed = await palsIn(dir, ['list', '--json']);
  expect(listed.code).toBe(0);
  const list = JSON.parse(listed.stdout) as { notes: { text: string }[] }[];
  return { texts: new Set(list.flatMap((e) => e.notes.map((n) => n.text))), engagements: list.length, stderr: listed.stderr };
}

/** Adds notes of `size` bytes with the free space cut to each of `frees` before each; what was acknowledged. */
async function notesOnAFullDisk(dir: string, frees: readonly number[], size: number): Promise<{ acked: string[]; refused: number }> {
  const acked: string[] = [];
  let refused = 0;
  for (const [i, free] of frees.entries()) {
    await leaveFree(free);
    const text = `note ${i} ${'x'.repeat(size)}`;
    const result = await palsIn(dir, ['note', `proj-${i % 2}`, '--text', text]);
    if (result.code === 0) acked.push(text);
    else {
      refused++;
      expect(result).toMatchObject({ code: 1, stderr: 'error: not saved: the disk is full\n' });
    }
  }
  await rm(FILLER(), { force: true });
  return { acked, refused };
}

describe.skipIf(disk.skip !== null)('a real full disk (tmpfs)', () => {
  it('a small store: a note that does not fit is refused, every acknowledged one is kept', { timeout: 120_000 }, async () => {
    const dir = join(disk.dir!, 'small');
    await seed(dir, 2, 100);
    // From no room at all to room for a note or two: every size where a write can be cut short.
    const frees = [0, 4096, 8192, 12_288, 16_384, 24_576, 32_768, 65_536];
    const { acked, refused } = await notesOnAFullDisk(dir, frees, 5000);
    const after = await storedNotes(dir);
    console.log(
      `tmpfs, 2 engagements: ${acked.length} notes acknowledged, ${refused} refused, ${acked.filter((t) => !after.texts.has(t)).length} lost`,
    );
    expect(after.engagements).toBe(2);
    expect(acked.filter((t) => !after.texts.has(t))).toEqual([]);
    expect(after.stderr).toBe('');
    expect(refused).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThan(0);
  });

  it('a large store (the journal) and `pals serve` folding it on Ctrl+C with too little room', { timeout: 180_000 }, async () => {
    const dir = join(disk.dir!, 'large');
    // ~1.2 MB: past the size where the CLI appends to the journal instead of rewriting the file.
    await seed(dir, 150, 8000);
    const frees = [0, 4096, 8192, 16_384, 65_536, 0, 4096, 131_072];
    const { acked, refused } = await notesOnAFullDisk(dir, frees, 5000);
    expect(await readdir(dir)).toContain('pals.journal');
    // The app's stand-in folds on close: leave less room than the new pals.json needs.
    const child = spawn(process.execPath, [PALS_BIN, '--data', dir, 'serve', '--no-open', '--port', '0'], { stdio: 'pipe' });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Ctrl+C is handled once it says so (an event, never a clock).
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('Press Ctrl+C')) resolve();
      });
      void exited.then(() => {
        reject(new Error(`pals serve ended early: ${stderr}`));
      });
    });
    // Room for pals.json as it is, not for it with the journal's notes folded in.
    await leaveFree((await stat(join(dir, 'pals.json'))).size + 8192);
    child.kill('SIGINT');
    const code = await exited;
    await rm(FILLER(), { force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/error: the change journal was not folded into pals\.json \(the disk is full\); nothing saved is lost/);
    expect(await readdir(dir)).toContain('pals.journal');
    const after = await storedNotes(dir);
    const lost = acked.filter((t) => !after.texts.has(t));
    console.log(
      `tmpfs, 150 engagements: ${acked.length} notes acknowledged, ${refused} refused, serve's fold refused, ${lost.length} lost`,
    );
    expect(after.engagements).toBe(150);
    expect(lost).toEqual([]);
    expect(after.stderr).toBe('');
  });
});
