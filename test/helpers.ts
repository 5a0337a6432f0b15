/** Shared test helpers: temp data folders, a seeded document, and CLI runs in-process or as a real process. */
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { run } from '../electron/cli/main.js';

const made: string[] = [];

/** A fresh temp folder removed after the test. */
export async function tempDir(prefix = 'pals-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pals` in this process with captured output. */
export async function pals(
  dir: string,
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(['--data', dir, ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    untilStopped: () => Promise.resolve(),
    env: { PALS_NOW: '2026-11-27', ...options.env },
  });
  return { code, stdout, stderr };
}

/** Runs `node ARGS` as a real process (stdin closed) and resolves with its exit code and output. */
export function runNode(args: string[], options: SpawnOptions = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** The real `pals` binary, for tests that run it as a process. */
export const PALS_BIN = fileURLToPath(new URL('../electron/bin/pals.js', import.meta.url));

/** Spawns `pals --data DIR serve --no-open --port 0` and resolves with the URL it prints first (token included). */
export async function spawnServe(dir: string, options: SpawnOptions = {}): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [PALS_BIN, '--data', dir, 'serve', '--no-open', '--port', '0'], {
    ...options,
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + 15_000;
  while (!out.includes('\n')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`pals serve did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, url: out.split('\n')[0]! };
}

/** Text that tries to break markdown, HTML, YAML front matter, terminals and Marp. */
export const HOSTILE =
  '# Heading\n---\n<script>alert(1)</script><img src=x onerror=alert(1)>\n<!-- _class: lead -->\n' +
  '[x](javascript:alert(1)) **bold** `code`\n\u0000\u0007\u001b[31mred\u001b[0m\r\n\u202eevil\u202c 👩🏽‍💻 مرحبا שלום';
