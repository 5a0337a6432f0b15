/**
 * The real `pals` binary and the real store in separate processes: exit codes, a read-only
 * data folder, SIGKILL in the middle of writes, and several writers at once.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chmod, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../electron/core/paths.js';
import { readStore } from '../../../electron/core/store/disk-read.js';
import { nodeFs } from '../../../electron/core/lib/fs.js';
import { parseDocText } from '../../../shared/document.js';
import { PALS_BIN as bin, claimSession, runNode, spawnServe, tempDir, unprivileged } from '../../helpers.js';

const user = unprivileged();
if (user.skip) console.warn(`read-only CLI test skipped: ${user.skip}`);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const writer = join(root, 'test/fixtures/writer.mjs');

const palsIn = (dir: string, args: string[], options: SpawnOptions = {}) =>
  runNode([bin, '--data', dir, ...args], { ...options, env: { ...process.env, PALS_NOW: '2026-11-27', ...options.env } });

async function names(dir: string): Promise<string[]> {
  return parseDocText(await readFile(join(dir, 'pals.json'), 'utf8')).doc.engagements.map((e) => e.name);
}

/** What the next process to open the folder sees (pals.json plus any journal). */
async function storedNames(dir: string): Promise<string[]> {
  return (await readStore(storePaths(dir), nodeFs)).parsed?.doc.engagements.map((e) => e.name) ?? [];
}

const MODES = [
  { mode: 'whole-file writes', env: {} },
  { mode: 'the change journal', env: { WRITER_JOURNAL: '1' } },
] as const;

describe('the pals binary', () => {
  it('runs from the repository with --help and exit codes per the contract', async () => {
    const dir = await tempDir();
    expect(await runNode([bin, '--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: pals/) });
    expect((await palsIn(dir, ['add', '--name', 'Kyverno'])).code).toBe(0);
    expect(await palsIn(dir, ['move', 'kyverno', 'nowhere'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: /) });
    expect(await palsIn(dir, ['show', 'argo'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: no engagement/) });
  });

  it.skipIf(user.skip !== null)('reads but refuses to write a read-only data folder, with a clear error', async () => {
    const dir = await tempDir();
    expect((await palsIn(dir, ['add', '--name', 'Kyverno'])).code).toBe(0);
    const before = await readFile(join(dir, 'pals.json'), 'utf8');
    await chmod(dir, 0o555);
    await chmod(join(dir, 'pals.json'), 0o444);
    // root ignores permissions, so drop to an unprivileged user where we are root.
    const asUser: SpawnOptions = user.options;
    try {
      const list = await palsIn(dir, ['list', '--json'], asUser);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength(1);
      const add = await palsIn(dir, ['add', '--name', 'Argo'], asUser);
      expect(add.code).toBe(1);
      expect(add.stderr).toMatch(/^error: .*(permission denied|read-only)/);
      expect(await readFile(join(dir, 'pals.json'), 'utf8')).toBe(before);
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it.each(MODES)('keeps the file readable and every confirmed write across 20 SIGKILLs mid-write ($mode)', async ({ env }) => {
    const dir = await tempDir();
    const confirmed: string[] = [];
    for (let round = 0; round < 20; round++) {
      const child = spawn(process.execPath, [writer, dir, `r${round}`, '100000', String(1 + (round % 5))], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const closed = new Promise((resolve) => child.on('close', resolve));
      // Kill at a random moment once it has started writing.
      await new Promise<void>((resolve) => {
        const started = () => {
          if (out.length > 0) {
            child.stdout.off('data', started);
            setTimeout(resolve, Math.random() * 60);
          }
        };
        child.stdout.on('data', started);
      });
      child.kill('SIGKILL');
      await closed;
      // Only complete lines count: the writer prints an id after its write is durable.
      confirmed.push(...out.split('\n').slice(0, -1));
      const stored = new Set(await storedNames(dir));
      const missing = confirmed.filter((id) => !stored.has(id));
      expect(missing, `round ${round}`).toEqual([]);
    }
    expect(confirmed.length).toBeGreaterThan(40);
    // The next process to open the folder clears temp files the killed writers left.
    const listed = await palsIn(dir, ['list', '--json']);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBeGreaterThanOrEqual(new Set(confirmed).size);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.each(MODES)('never loses an update from two writer processes at once ($mode)', async ({ env }) => {
    const dir = await tempDir();
    const options = { env: { ...process.env, ...env } };
    const [a, b] = await Promise.all([runNode([writer, dir, 'a', '150', '3'], options), runNode([writer, dir, 'b', '150', '1'], options)]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    // Both closed, so pals.json alone holds everything and no journal is left.
    expect(await readdir(dir)).not.toContain('pals.journal');
    const stored = await names(dir);
    expect(stored).toHaveLength(300);
    expect(new Set(stored).size).toBe(300);
  });

  it('never loses an update from twelve concurrent pals commands', async () => {
    const dir = await tempDir();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => palsIn(dir, ['add', '--name', `Project ${i}`])));
    expect(results.map((r) => r.code)).toEqual(Array(12).fill(0));
    expect((await names(dir)).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `Project ${i}`).sort());
  });
});

describe('npx pals', () => {
  // npx resolves the package before it starts: on a loaded 2-core machine that alone can pass 30 s.
  it('works from the repository root', { timeout: 120_000 }, () => {
    const r = spawnSync('npx', ['--no-install', 'pals', '--version'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('pals serve (process)', () => {
  it('prints the URL first, serves the UI, and flushes the store when stopped', async () => {
    const dir = await tempDir();
    const { child, url } = await spawnServe(dir);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open#token=[A-Za-z0-9_-]{43}$/);
    const origin = new URL(url).origin;
    const token = await claimSession(url);
    const added = await fetch(`${origin}/api/addEngagement`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pals-token': token },
      body: JSON.stringify({ name: 'Served' }),
    });
    expect(added.status).toBe(200);
    // The printed address opened once; it is no key now.
    await expect(claimSession(url)).rejects.toThrow(/already used/);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
    expect(await names(dir)).toEqual(['Served']);
  });
});
