/**
 * The packaged shape of the app in a real Electron (Playwright's `_electron`): the page has no
 * Node, `window.pals` is the contract and works, the CSP forbids eval, navigation and new
 * windows are refused, and a change is on disk after the app quits. It runs only where the
 * Electron binary is installed; elsewhere it is skipped, and says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/bin/electron-binary.js';
import { API_CALL_NAMES } from '../../../shared/api-names.js';
import type { PalsApi } from '../../../shared/api.js';

const binary = findElectronBinary();
if (!binary) console.warn('Electron e2e skipped: the Electron binary is not installed (cannot be downloaded on this machine)');

const root = fileURLToPath(new URL('../../..', import.meta.url));
type WithPals = { readonly pals: PalsApi };

describe.skipIf(!binary)('Electron e2e', () => {
  let dataDir = '';
  let electronApp: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'electron', 'main.js'))) throw new Error('the app is not built: run `npm run build` first');
    dataDir = await mkdtemp(join(tmpdir(), 'pals-electron-e2e-'));
    electronApp = await _electron.launch({
      executablePath: binary!,
      args: [root],
      cwd: root,
      env: { ...(process.env as Record<string, string>), PALS_DATA_DIR: dataDir, PALS_NOW: '2026-11-27' },
    });
    page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 60_000);

  afterAll(async () => {
    await electronApp?.close().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loads the board from app://desk/ with the CLI data folder as userData', async () => {
    expect(page.url()).toBe('app://desk/index.html');
    expect(await page.title()).toBe('Security Pals Desk');
    expect(await electronApp.evaluate(({ app }) => app.getPath('userData'))).toBe(dataDir);
  });

  it('gives the page no Node, and window.pals with one method per call plus on', async () => {
    const globals = await page.evaluate(() => [
      typeof (globalThis as Record<string, unknown>).require,
      typeof (globalThis as Record<string, unknown>).process,
    ]);
    expect(globals).toEqual(['undefined', 'undefined']);
    const keys = await page.evaluate(() => Object.keys((window as unknown as WithPals).pals).sort());
    expect(keys).toEqual([...API_CALL_NAMES, 'on'].sort());
  });

  it('answers API calls through the preload', async () => {
    const board = await page.evaluate(() => (window as unknown as WithPals).pals.getBoard({}));
    expect(board).toMatchObject({ ok: true, value: { today: '2026-11-27' } });
    const bad = await page.evaluate(() => (window as unknown as WithPals).pals.addEngagement({ name: '' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('enforces the CSP (no eval) and serves it as a header', async () => {
    expect(
      await page.evaluate(() => {
        try {
          return String((0, eval)('1 + 1'));
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('EvalError');
    const csp = await page.evaluate(async () => (await fetch('app://desk/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
  });

  it('refuses new windows, navigation away and permissions', async () => {
    // Non-http(s) targets, so that nothing is handed to the user's browser during the test.
    expect(await page.evaluate(() => window.open('app://desk/index.html') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'app://elsewhere/index.html';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://desk/index.html');
    expect(electronApp.windows()).toHaveLength(1);
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  });

  it('has a change on disk once the app has quit', async () => {
    const added = await page.evaluate(() => (window as unknown as WithPals).pals.addEngagement({ name: 'Written by Electron' }));
    expect(added).toMatchObject({ ok: true });
    await electronApp.close();
    const saved = JSON.parse(readFileSync(join(dataDir, 'pals.json'), 'utf8')) as { engagements: { name: string }[] };
    expect(saved.engagements.map((e) => e.name)).toContain('Written by Electron');
  });
});
