/**
 * `npm start`'s launcher (electron/bin/start.js) as a real process: with an Electron binary it
 * runs it on the project and forwards exit codes and signals; without one it says so in one
 * line and runs `pals serve` instead. A shell script stands in for the Electron binary.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/bin/electron-binary.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const start = join(root, 'electron', 'bin', 'start.js');
const FALLBACK =
  'Electron is not installed on this machine (its binary could not be downloaded); serving the same UI with pals serve instead.';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pals-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

/** Runs the launcher; `onOutput` may signal it once some output has appeared. */
function launch(args: string[], env: NodeJS.ProcessEnv, onOutput?: (text: string, pid: number) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [start, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onOutput?.(stdout, child.pid!);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve({ code, signal, stdout });
    });
  });
}

/** A stand-in Electron: prints its arguments, then runs `body`. */
async function fakeElectron(body: string): Promise<string> {
  await writeFile(join(dir, 'electron'), `#!/bin/sh\necho "args: $* run-as-node:\${ELECTRON_RUN_AS_NODE:-unset}"\n${body}\n`);
  await chmod(join(dir, 'electron'), 0o755);
  return dir;
}

describe.skipIf(process.platform === 'win32')('npm start launcher', () => {
  it('finds an Electron binary only where one exists', async () => {
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBeNull();
    await fakeElectron('exit 0');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBe(join(dir, 'electron'));
  });

  it('runs Electron on the project folder (never as plain Node) and forwards its exit code', async () => {
    const run = await launch(['--flag'], { ELECTRON_OVERRIDE_DIST_PATH: await fakeElectron('exit 7'), ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stdout).toBe(`args: ${root} --flag run-as-node:unset\n`);
    expect(run.code).toBe(7);
  });

  it('forwards a termination signal to Electron and ends the same way', async () => {
    const dist = await fakeElectron('echo ready\nexec sleep 30');
    const run = await launch([], { ELECTRON_OVERRIDE_DIST_PATH: dist }, (text, pid) => {
      if (text.includes('ready')) process.kill(pid, 'SIGTERM');
    });
    expect(run.signal).toBe('SIGTERM');
  });

  it('without Electron, says so in one line and runs pals serve, forwarding its exit code', async () => {
    // An empty override folder stands for "the binary could not be downloaded"; a bad port makes
    // `pals serve` stop at once with a usage error (exit 2), which the launcher must pass on.
    const run = await launch(['--port', 'not-a-port'], { ELECTRON_OVERRIDE_DIST_PATH: dir, PALS_DATA_DIR: dir });
    expect(run.stdout.split('\n')[0]).toBe(FALLBACK);
    expect(run.code).toBe(2);
  });
});
