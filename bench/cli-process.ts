/**
 * Runs one command as its own process and measures it from the outside, the way a user (or a
 * script) feels it: wall time from spawn to exit, bytes on stdout (counted as they stream, never
 * kept: `pals list --json` prints hundreds of MB at 20,000 engagements), and the process's peak
 * resident memory from GNU time (`/usr/bin/time -f %M`) where it exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
/** Kept from stderr for error messages. */
const STDERR_KEEP = 4096;

/** What one run of a command did. */
export interface ProcessRun {
  readonly ms: number;
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdoutBytes: number;
  /** The first few KB of stderr. */
  readonly stderr: string;
  /** Peak resident set size in bytes, or null where GNU time is not available. */
  readonly peakRssBytes: number | null;
}

/** How to run it. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; default 10 minutes. */
  readonly timeoutMs?: number;
}

let gnuTime: boolean | null = null;

/** Whether GNU time is there and answers `-f %M` (BSD time on macOS does not). */
export function hasGnuTime(): boolean {
  gnuTime ??= existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
  return gnuTime;
}

let serial = 0;

/** Runs `command args` to the end and measures it (see the file comment); never rejects for a failing command. */
export async function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const rssFile = hasGnuTime() ? join(tmpdir(), `pals-bench-rss-${process.pid}-${++serial}.txt`) : null;
  const [file, argv] = rssFile ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_KEEP) stderr += text.slice(0, STDERR_KEEP - stderr.length);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => {
      resolve({ code: c, signal: s });
    });
  }).finally(() => {
    clearTimeout(timer);
  });
  const ms = performance.now() - start;
  let peakRssBytes: number | null = null;
  if (rssFile) {
    // GNU time writes "Command exited with non-zero status N" before the figure when the command fails.
    const text = await readFile(rssFile, 'utf8').catch(() => '');
    const kb = Number(text.trim().split('\n').at(-1));
    peakRssBytes = Number.isFinite(kb) && kb > 0 ? kb * 1024 : null;
    await rm(rssFile, { force: true });
  }
  return { ms, code, signal, stdoutBytes, stderr, peakRssBytes };
}
