/**
 * Every file a person names (`pals restore FILE`, `pals note --file FILE`, the app's Restore)
 * goes through one bounded reader: a FIFO does not hang, a /proc file is not read to its end
 * nor quoted, a device is refused, and stdin stops at the limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNamedFile } from '../../../../electron/core/lib/bounded-read.js';
import { PALS_BIN, pals, tempDir } from '../../../helpers.js';

const linux = process.platform === 'linux';

/** Bytes this process has read through read(2) and friends so far (Linux). */
const bytesRead = () => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1]);

/** `pals ARGS` as a real process, stdin from `stdin` (a file path) or closed; waits for its exit. */
function palsProcess(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  const input = options.stdin === undefined ? 'ignore' : openSync(options.stdin, 'r');
  const child = spawn(process.execPath, [PALS_BIN, ...args], { stdio: [input, 'pipe', 'pipe'], env: options.env ?? process.env });
  if (typeof input === 'number') closeSync(input);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

async function fifo(): Promise<string> {
  const path = join(await tempDir(), 'pipe');
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

describe.skipIf(!linux)('the bounded reader', () => {
  it('refuses a FIFO at once (no writer needed), a device and a folder, by what they are', async () => {
    await expect(readNamedFile(await fifo(), { max: 100, what: 'a note can hold' })).rejects.toThrow(
      /pipe is a FIFO \(named pipe\), not a regular file/,
    );
    await expect(readNamedFile('/dev/zero', { max: 100, what: 'a note can hold' })).rejects.toThrow(/\/dev\/zero is a device/);
    await expect(readNamedFile(await tempDir(), { max: 100, what: 'a note can hold' })).rejects.toThrow(/is a folder/);
  });

  it('reads a /proc file that reports size 0 only a page past its size, and never quotes it', async () => {
    const before = bytesRead();
    const error = await readNamedFile('/proc/self/pagemap', { max: 256 * 1024 * 1024, what: 'a backup can be' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const read = bytesRead() - before;
    expect(error?.message).toMatch(/pagemap holds more than its size says/);
    expect(read, `${String(read)} bytes read`).toBeLessThan(4 * 1024 * 1024);
    const environ = await readNamedFile('/proc/self/environ', { max: 1024, what: 'a note can hold' }).catch((e: unknown) => e as Error);
    expect(String(environ)).not.toContain('PATH=');
  });

  it('refuses a file over the limit by its size, and reads one at the limit exactly', async () => {
    const dir = await tempDir();
    const big = join(dir, 'big.md');
    await writeFile(big, '');
    await truncate(big, 2048);
    await expect(readNamedFile(big, { max: 1000, what: 'a note can hold' })).rejects.toThrow(
      /big\.md is 2 kB, more than a note can hold \(1000 bytes\)/,
    );
    expect((await readNamedFile(big, { max: 2048, what: 'a note can hold' })).length).toBe(2048);
    const empty = join(dir, 'empty.md');
    await writeFile(empty, '');
    expect((await readNamedFile(empty, { max: 10, what: 'a note can hold' })).length).toBe(0);
  });
});

describe.skipIf(!linux)('pals commands that read a file a person named', () => {
  it('restore of a FIFO ends at once with exit 1 and changes nothing', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Argo'])).code).toBe(0);
    const before = await readFile(join(dir, 'pals.json'));
    const result = await palsProcess(['--data', dir, 'restore', await fifo()]);
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: .*pipe is a FIFO \(named pipe\), not a regular file; the store was not changed\n$/),
    });
    expect(await readFile(join(dir, 'pals.json'))).toEqual(before);
  });

  it('restore of /proc/self/pagemap or /proc/self/environ is refused without reading it whole or quoting it', async () => {
    const dir = await tempDir();
    const marker = 'PALS_SECRET_MARKER=do-not-echo-this-value';
    const [key, value] = marker.split('=') as [string, string];
    // The marker first, so it is what a quoting error would show.
    const env = { [key]: value, ...process.env };
    for (const file of ['/proc/self/pagemap', '/proc/self/environ']) {
      const result = await palsProcess(['--data', dir, 'restore', file], { env });
      expect(result.code, file).toBe(1);
      expect(result.stderr).toMatch(/holds more than its size says.*the store was not changed/);
      expect(result.stderr).not.toContain(value);
    }
  });

  it('note --file refuses a FIFO, /dev/zero and a file too long to be a note; --file - stops reading stdin at the limit', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Argo'])).code).toBe(0);
    const before = await readFile(join(dir, 'pals.json'));
    const huge = join(dir, 'huge.md');
    await writeFile(huge, '');
    await truncate(huge, 5 * 1024 * 1024);
    for (const [file, why] of [
      [await fifo(), /is a FIFO/],
      ['/dev/zero', /\/dev\/zero is a device, not a regular file/],
      [huge, /huge\.md is 5 MB, more than a note can hold \(4 MB\)/],
    ] as const) {
      const result = await palsProcess(['--data', dir, 'note', 'argo', '--file', file]);
      expect(result, file).toMatchObject({ code: 1, stderr: expect.stringMatching(why) });
    }
    const piped = await palsProcess(['--data', dir, 'note', 'argo', '--file', '-'], { stdin: '/dev/zero' });
    expect(piped).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: standard input holds more than a note can \(4 MB\)\n$/),
    });
    expect(await readFile(join(dir, 'pals.json'))).toEqual(before);
  });

  it('restore of a file that is not JSON says where it fails, never what it holds', async () => {
    const dir = await tempDir();
    const file = join(dir, 'secrets.txt');
    await writeFile(file, 'TOPSECRET=hunter2\nOTHER=x\n');
    const result = await pals(dir, ['restore', file]);
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/secrets\.txt is not a Security Pals Desk backup: the file is not valid JSON/),
    });
    expect(result.stderr).not.toMatch(/TOPSECRET|hunter2/);
  });

  it('note --file still reads an ordinary file', async () => {
    const dir = await tempDir();
    expect((await pals(dir, ['add', '--name', 'Argo'])).code).toBe(0);
    const file = join(dir, 'minutes.md');
    await writeFile(file, '# Kickoff\n\n- template shared\n');
    expect((await pals(dir, ['note', 'argo', '--file', file])).code).toBe(0);
    expect((await pals(dir, ['show', 'argo'])).stdout).toContain('template shared');
  });
});
