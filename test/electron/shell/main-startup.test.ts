/**
 * The main process's refusals at start-up: a second instance leaves at once (the first one is
 * focused by Electron's `second-instance` event), and a malformed PALS_NOW stops the app with
 * the CLI's message instead of showing wrong due dates.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let dataDir = '';

/** A fresh stand-in `electron` (and a fresh main module) for each test. */
async function freshElectron() {
  const fake = await import('./fake-electron.js');
  vi.doMock('electron', () => fake.electronModule);
  return fake;
}

beforeEach(async () => {
  vi.resetModules();
  dataDir = await mkdtemp(join(tmpdir(), 'pals-shell-start-'));
  vi.stubEnv('PALS_DATA_DIR', dataDir);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

it('a second instance quits without opening a window or registering IPC', async () => {
  const fake = await freshElectron();
  fake.app.lockResult = false;
  // Start-up waits for ready before anything else (main.ts `start`): a second instance never asks,
  // so nothing can happen later, and no wait is needed to see that nothing did.
  const waitsForReady = vi.spyOn(fake.app, 'whenReady');
  await import('../../../electron/main.js');
  fake.app.makeReady();
  expect(waitsForReady).not.toHaveBeenCalled();
  expect(fake.app.lockRequests).toBe(1);
  expect(fake.app.quitted).toBe(true);
  expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  expect(fake.ipcMain.handle).not.toHaveBeenCalled();
});

it('a malformed PALS_NOW stops the app with an error instead of wrong due dates', async () => {
  vi.stubEnv('PALS_NOW', '2026-02-30');
  const fake = await freshElectron();
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await import('../../../electron/main.js');
  fake.app.makeReady();
  await vi.waitFor(
    () => {
      expect(fake.app.exitCode).toBe(1);
    },
    { timeout: 20_000 },
  );
  expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Security Pals Desk cannot start', expect.stringContaining('PALS_NOW'));
  expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^error: PALS_NOW/));
  expect(fake.FakeBrowserWindow.all).toHaveLength(0);
  errors.mockRestore();
});
