/** Shared test helpers: temp data folders, a seeded document, and CLI runs in-process. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Text that tries to break markdown, HTML, YAML front matter, terminals and Marp. */
export const HOSTILE =
  '# Heading\n---\n<script>alert(1)</script><img src=x onerror=alert(1)>\n<!-- _class: lead -->\n' +
  '[x](javascript:alert(1)) **bold** `code`\n\u0000\u0007\u001b[31mred\u001b[0m\r\n\u202eevil\u202c 👩🏽‍💻 مرحبا שלום';
