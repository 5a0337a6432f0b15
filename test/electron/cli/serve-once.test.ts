/**
 * One `pals serve` per data folder: a second one says where the folder is already served (its
 * address, never the token) and stops with exit 1, instead of serving it again on another port.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALS_BIN, pals, runNode, spawnServe, tempDir } from '../../helpers.js';

/** Stops a spawned serve and waits for it to exit. */
async function stop(child: {
  kill: (signal: NodeJS.Signals) => boolean;
  once: (event: 'exit', listener: () => void) => unknown;
  exitCode: number | null;
}) {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('pals serve on a folder already served', () => {
  it('stops with exit 1, naming the address (without the token), and a new one starts once the first is gone', async () => {
    const dir = await tempDir();
    const first = await spawnServe(dir);
    try {
      const origin = new URL(first.url).origin;
      const second = await runNode([PALS_BIN, '--data', dir, 'serve', '--no-open']);
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toBe(
        `error: ${dir} is already served at ${origin}/ (pid ${String(first.child.pid)}); open that address (its "Another window" gives another browser a way in), or stop that one first\n`,
      );
      expect(second.stderr).not.toContain(new URL(first.url).hash.slice(1) || 'token=');
      // An explicit other port is the same folder all the same.
      const third = await runNode([PALS_BIN, '--data', dir, 'serve', '--no-open', '--port', '0']);
      expect(third).toMatchObject({ code: 1, stderr: expect.stringMatching(/is already served at/) });
      expect(JSON.parse(await readFile(join(dir, 'pals.serve'), 'utf8'))).toEqual({ pid: first.child.pid, url: `${origin}/` });
    } finally {
      await stop(first.child);
    }
    await expect(readFile(join(dir, 'pals.serve'))).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await spawnServe(dir);
    await stop(again.child);
  });

  it('takes over the mark of a serve that is gone', async () => {
    const dir = await tempDir();
    // A pid that no process has: the first one the test's own child had, after it exited.
    const gone = await runNode(['-e', 'process.stdout.write(String(process.pid))']);
    await writeFile(join(dir, 'pals.serve'), JSON.stringify({ pid: Number(gone.stdout), url: 'http://127.0.0.1:20001/' }));
    const result = await pals(dir, ['serve', '--no-open', '--port', '0']);
    expect(result.code).toBe(0);
    await expect(readFile(join(dir, 'pals.serve'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
