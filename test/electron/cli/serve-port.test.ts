/** `pals serve` keeps one port per data folder, so the page's origin (and its draft journal) survives restarts. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { defaultServePort } from '../../../electron/cli/serve-port.js';
import { pals, tempDir } from '../../helpers.js';

const portOf = (stdout: string) => Number(new URL(stdout.split('\n')[0]!).port);

describe('the default serve port', () => {
  it('is stable for a folder, in 20000–29999, and differs between folders', () => {
    const ports = ['/home/a/.config/Security Pals Desk', '/tmp/x', '/tmp/y', 'C:\\Users\\a\\AppData'].map(defaultServePort);
    expect(defaultServePort('/tmp/x')).toBe(ports[1]);
    for (const p of ports) expect(p >= 20_000 && p < 30_000).toBe(true);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('is what `pals serve` uses on every run, and it falls back to a free port (saying so) when that one is taken', async () => {
    const dir = await tempDir();
    const first = await pals(dir, ['serve', '--no-open']);
    const second = await pals(dir, ['serve', '--no-open']);
    expect(first.code).toBe(0);
    expect(portOf(first.stdout)).toBe(portOf(second.stdout));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(portOf(first.stdout), '127.0.0.1', resolve));
    try {
      const third = await pals(dir, ['serve', '--no-open']);
      expect(third.code).toBe(0);
      expect(portOf(third.stdout)).not.toBe(portOf(first.stdout));
      expect(third.stderr).toMatch(/^note: port \d+, this data folder's usual port, is in use/m);
      // An explicit --port that is taken is still an error.
      const explicit = await pals(dir, ['serve', '--no-open', '--port', String(portOf(first.stdout))]);
      expect(explicit).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: port \d+ is in use/) });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
