/** Shared test helpers: temp data folders, a seeded document, and CLI runs in-process or as a real process. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
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

/** Spawns `pals --data DIR serve --no-open --port PORT` (0: any) and resolves with the URL it prints first (a one-time first-load address). */
export async function spawnServe(
  dir: string,
  options: SpawnOptions = {},
  port = 0,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
  const child = spawn(process.execPath, [PALS_BIN, '--data', dir, 'serve', '--no-open', '--port', String(port)], {
    ...options,
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // Waits for the event (the first line, or the exit), never a clock: a busy machine only makes it later.
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`pals serve did not start (${signal ?? `exit ${String(code)}`}): ${err}`));
    });
  });
  return { child, url };
}

/**
 * Opens a session with `pals serve` the way its page does: trades the one-time token of a
 * first-load address (`http://127.0.0.1:PORT/open#token=…`) for the run's session token, which API
 * requests carry in `x-pals-token`. The address is spent afterwards.
 */
export async function claimSession(url: string): Promise<string> {
  const { origin, hash } = new URL(url);
  const response = await fetch(`${origin}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: hash.replace(/^#token=/, '') }),
  });
  const answer = (await response.json()) as { ok: boolean; value?: { token: string }; error?: { message: string } };
  if (!answer.ok || !answer.value)
    throw new Error(`pals serve refused the first-load address: ${answer.error?.message ?? response.status}`);
  return answer.value.token;
}

/** A new one-time address from `pals serve`, asked for with the session token (what a signed-in page's "Link for another browser" does). */
export async function newServeLink(origin: string, token: string): Promise<string> {
  const response = await fetch(`${origin}/session/link`, { method: 'POST', headers: { 'x-pals-token': token } });
  const answer = (await response.json()) as { ok: boolean; value?: { url: string } };
  if (!answer.ok || !answer.value) throw new Error(`pals serve gave no link (${response.status})`);
  return answer.value.url;
}

/**
 * How to run `pals` as a user the permissions apply to: as is, or, where the suite runs as root
 * (root ignores permissions), as `nobody` — when `nobody` can reach this checkout at all (a
 * clone inside a private 0700 folder is out of its reach). `skip` says why it cannot.
 */
export function unprivileged(): { readonly options: SpawnOptions; readonly skip: string | null } {
  if (process.getuid?.() !== 0) return { options: {}, skip: null };
  const options = { uid: 65534, gid: 65534 };
  const probe = spawnSync(process.execPath, [PALS_BIN, '--version'], { ...options, encoding: 'utf8' });
  if (probe.status === 0) return { options, skip: null };
  const why = (probe.stderr || String(probe.error ?? '')).trim().split('\n')[0] ?? '';
  return { options, skip: `running as root, and the unprivileged user (65534) cannot run ${PALS_BIN} here (${why})` };
}

/** Text that tries to break markdown, HTML, YAML front matter, terminals and Marp. */
export const HOSTILE =
  '# Heading\n---\n<script>alert(1)</script><img src=x onerror=alert(1)>\n<!-- _class: lead -->\n' +
  '[x](javascript:alert(1)) **bold** `code`\n\u0000\u0007\u001b[31mred\u001b[0m\r\n\u202eevil\u202c 👩🏽‍💻 مرحبا שלום';
