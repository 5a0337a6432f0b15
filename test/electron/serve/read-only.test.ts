/**
 * `pals serve` on a data folder it may read but not write (a read-only mount, a folder owned by
 * another user): the board loads, an edit answers a clear error envelope instead of crashing or
 * pretending, nothing on disk or in the board changes, and edits work again once it is writable.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSession, pals, spawnServe, tempDir, unprivileged } from '../../helpers.js';

// root ignores permissions, so the server runs as nobody where the suite runs as root.
const user = unprivileged();
const asUser = user.options;
if (user.skip) console.warn(`read-only serve test skipped: ${user.skip}`);

async function serve(dir: string): Promise<{ child: ChildProcessWithoutNullStreams; origin: string; token: string }> {
  const { child, url } = await spawnServe(dir, { ...asUser, env: { ...process.env, PALS_NOW: '2026-11-27' } });
  const parsed = new URL(url);
  return { child, origin: parsed.origin, token: await claimSession(url) };
}

describe('pals serve on a read-only data folder', () => {
  it.skipIf(user.skip !== null)('answers writes with a clear error envelope, keeps everything, and recovers when writable', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Kyverno'])).code).toBe(0);
    const file = join(dir, 'pals.json');
    const before = await readFile(file);
    await chmod(file, 0o444);
    await chmod(dir, 0o555);
    const server = await serve(dir);
    const call = async (name: string, args: unknown) => {
      const r = await fetch(`${server.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pals-token': server.token },
        body: JSON.stringify(args),
      });
      return { status: r.status, body: (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
    };
    try {
      const board = await call('getBoard', {});
      expect(board.body.ok).toBe(true);
      const added = await call('addEngagement', { name: 'Argo' });
      expect(added.status).toBeGreaterThanOrEqual(400);
      expect(added.body).toMatchObject({ ok: false, error: { code: 'store-write' } });
      expect(added.body.error!.message).toMatch(/permission denied|read-only/i);
      const after = await call('getBoard', {});
      expect((after.body.value as { engagements: { name: string }[] }).engagements.map((e) => e.name)).toEqual(['Kyverno']);
      expect(await readFile(file)).toEqual(before);

      await chmod(dir, 0o777);
      await chmod(file, 0o666);
      const retried = await call('addEngagement', { name: 'Argo' });
      expect(retried.body.ok).toBe(true);
    } finally {
      await chmod(dir, 0o755);
      const closed = new Promise((resolve) => server.child.on('close', resolve));
      server.child.kill('SIGTERM');
      await closed;
    }
    expect((await pals(dir, ['list', '--json'])).stdout).toMatch(/Argo/);
  });
});
