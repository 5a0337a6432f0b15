/**
 * The real main process (electron/main.ts) against a stand-in `electron` module and a temp data
 * folder: start-up order, the hardened window, the IPC surface and its sender check, the guards,
 * store events (ours and the CLI's), the menu, a second launch, and flushing on quit.
 */
import { FakeGithub } from '../../support/github/fake-github.js';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, channelOf } from '../../../shared/api-names.js';
import { PRODUCT_NAME } from '../../../electron/core/paths.js';
import { pals } from '../../helpers.js';
import { app, defaultSession, dialog, FakeBrowserWindow, fakeEvent, ipcMain, Menu, protocol, shell } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let dataDir = '';
let fakeGithub: FakeGithub;
let appDir = '';
let win: FakeBrowserWindow;

/** Calls an API channel as IPC would, from a frame with the given URL. */
function invoke(name: string, args: unknown, from: { url?: string; contentsId?: number; subframe?: boolean; noFrame?: boolean } = {}) {
  const handler = ipcMain.handlers.get(channelOf(name));
  if (!handler) throw new Error(`no handler for ${name}`);
  const senderFrame = from.noFrame ? null : { url: from.url ?? 'app://desk/index.html', parent: from.subframe ? {} : null };
  return handler({ sender: { id: from.contentsId ?? win.webContents.id }, senderFrame }, args) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pals-shell-data-'));
  appDir = await mkdtemp(join(tmpdir(), 'pals-shell-app-'));
  await mkdir(join(appDir, 'dist', 'renderer', 'assets'), { recursive: true });
  await writeFile(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Security Pals Desk</title>');
  await writeFile(join(appDir, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  vi.stubEnv('PALS_DATA_DIR', dataDir);
  // GitHub calls (token check, sync) go to a loopback stand-in, never to the internet.
  fakeGithub = await FakeGithub.start();
  vi.stubEnv('PALS_GITHUB_API', fakeGithub.url);
  vi.stubEnv('PALS_NOW', '2026-11-27');
  app.appPath = appDir;
  await import('../../../electron/main.js');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
  await fakeGithub.close();
  await rm(appDir, { recursive: true, force: true });
});

describe('before ready', () => {
  it('names the app, points userData at the CLI data folder, registers the scheme, sandboxes, takes the lock', () => {
    expect(app.isReady).toBe(false);
    expect(app.name).toBe(PRODUCT_NAME);
    expect(app.getPath('userData')).toBe(dataDir);
    expect(protocol.registeredBeforeReady).toBe(true);
    expect(protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }),
    ]);
    expect(app.sandboxEnabled).toBe(true);
    expect(app.lockRequests).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    app.makeReady();
    await vi.waitFor(
      () => {
        expect(FakeBrowserWindow.all).toHaveLength(1);
      },
      { timeout: 20_000 },
    );
    win = FakeBrowserWindow.all[0]!;
  });

  it('creates one hardened window that loads app://desk/ with the bundled preload', () => {
    expect(win.options).toMatchObject({ show: false, title: PRODUCT_NAME });
    expect(win.options.webPreferences).toEqual({
      preload: join(appDir, 'dist', 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: process.platform === 'darwin',
      devTools: true,
    });
    expect(win.loadedUrl).toBe('app://desk/index.html');
  });

  it('registers exactly one ipcMain.handle per API call and no other IPC', () => {
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.sort()).toEqual(API_CALL_NAMES.map(channelOf).sort());
    for (const other of [ipcMain.on, ipcMain.once, ipcMain.handleOnce, ipcMain.addListener]) expect(other).not.toHaveBeenCalled();
  });

  it('keeps the GitHub token encrypted in its own 0600 file and never returns it to the page', async () => {
    const { readFile, stat } = await import('node:fs/promises');
    expect(process.env.PALS_GITHUB_API).toBe(fakeGithub.url);
    const token = 'ghp_' + 'x'.repeat(36);
    const set = (await invoke('setGithubToken', { token })) as { ok: boolean };
    const status = await invoke('githubStatus', {});
    expect(JSON.stringify([set, status])).not.toContain(token);
    expect(status).toMatchObject({ ok: true, value: { tokenSet: true } });
    const file = join(dataDir, 'github-token.enc');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain(token);
    expect(await readFile(join(dataDir, 'pals.json'), 'utf8').catch(() => '')).not.toContain(token);
  });

  it('serves dist/renderer on app: with the CSP header, and nothing outside it', async () => {
    const handler = protocol.handlers.get('app')!;
    const index = await handler(new Request('app://desk/'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Security Pals Desk');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler(new Request('app://desk/assets/app.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handler(new Request('app://desk/..%2f..%2fetc%2fpasswd'))).status).toBe(400);
  });

  it('refuses calls from a frame that is not ours, without running them', async () => {
    const before = (await invoke('getBoard', {})) as { value: { engagements: unknown[] } };
    const refused = [
      await invoke('addEngagement', { name: 'Evil' }, { url: 'https://evil.example/' }),
      await invoke('addEngagement', { name: 'Evil' }, { url: 'file:///etc/passwd' }),
      await invoke('addEngagement', { name: 'Evil' }, { subframe: true }),
      await invoke('addEngagement', { name: 'Evil' }, { contentsId: 9999 }),
      await invoke('addEngagement', { name: 'Evil' }, { noFrame: true }),
    ];
    for (const answer of refused) expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    const after = (await invoke('getBoard', {})) as { value: { engagements: unknown[] } };
    expect(after.value.engagements).toHaveLength(before.value.engagements.length);
  });

  it('runs calls from our window end to end, validating arguments', async () => {
    expect(await invoke('getBoard', {})).toEqual({ ok: true, value: expect.objectContaining({ today: '2026-11-27', engagements: [] }) });
    expect(await invoke('addEngagement', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const added = await invoke('addEngagement', { name: 'Falco', kickoff: '2026-11-01' });
    expect(added).toMatchObject({ ok: true, value: { name: 'Falco', due: { state: 'overdue' } } });
  });

  it('asks in a native dialog (Cancel by default) before a page sends the token to a new API address', async () => {
    const ghe = 'https://ghe.example.com/api/v3';
    dialog.showMessageBox.mockClear();
    expect(await invoke('updateSettings', { apiUrl: ghe })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = (dialog.showMessageBox.mock.calls[0] as unknown[]).at(-1) as { message: string; cancelId: number; defaultId: number };
    expect(options).toMatchObject({ message: 'Send your GitHub token to ghe.example.com?', cancelId: 0, defaultId: 0 });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await invoke('updateSettings', { apiUrl: ghe })).toMatchObject({ ok: true, value: { apiUrl: ghe } });
    // Back to api.github.com from an Enterprise address is an address change too (issue 23, item 7): asked, Cancel by default.
    expect(await invoke('updateSettings', { apiUrl: null })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(3);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await invoke('updateSettings', { apiUrl: null })).toMatchObject({ ok: true, value: { apiUrl: 'https://api.github.com' } });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(4);
  });

  it('tells the windows about local changes and about changes the CLI makes', async () => {
    await vi.waitFor(
      () => {
        expect(win.webContents.sent).toContainEqual({
          channel: 'pals:boardChanged',
          payload: expect.objectContaining({ origin: 'local' }),
        });
      },
      { timeout: 20_000 },
    );
    expect((await pals(dataDir, ['add', '--name', 'From the CLI'])).code).toBe(0);
    await vi.waitFor(
      () => {
        expect(win.webContents.sent).toContainEqual({
          channel: 'pals:boardChanged',
          payload: expect.objectContaining({ origin: 'external' }),
        });
      },
      { timeout: 20_000 },
    );
    const board = (await invoke('getBoard', {})) as { value: { engagements: { name: string }[] } };
    expect(board.value.engagements.map((e) => e.name).sort()).toEqual(['Falco', 'From the CLI']);
  });

  it('denies navigation away, new windows, webviews and permissions; only http(s) links go to the browser', () => {
    const contents = win.webContents;
    const away = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://evil.example/');
    const inside = fakeEvent({ url: 'app://desk/index.html' });
    contents.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
    const redirect = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    shell.openExternal.mockClear();
    expect(contents.windowOpenHandler?.({ url: 'https://github.com/cncf/tag-security/issues/1' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/cncf/tag-security/issues/1');
    shell.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'smb://host/share', 'https://user:pw@host/']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      contents.emit('will-navigate', fakeEvent({ url }));
    }
    expect(shell.openExternal).not.toHaveBeenCalled();

    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'])
      defaultSession.requestHandler?.(contents, permission, (g) => granted.push(g), {});
    expect(granted).toEqual([false, false, false, false, false]);
    expect(defaultSession.checkHandler?.(contents, 'clipboard-read', 'app://desk', {})).toBe(false);
    expect(defaultSession.deviceHandler?.({})).toBe(false);
    // Linux (this machine and the test's): no spell-check dictionaries fetched from a CDN.
    if (process.platform !== 'darwin') expect(defaultSession.spellChecker).toBe(false);
  });

  it('has a menu whose shortcuts reach the window on pals:menu', () => {
    const items = (Menu.template ?? []).flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
    const byKey = (accelerator: string) => items.find((i) => i.accelerator === accelerator);
    for (const key of ['CmdOrCtrl+N', 'CmdOrCtrl+F', 'CmdOrCtrl+1', 'CmdOrCtrl+2']) expect(byKey(key)).toBeDefined();
    const click = byKey('CmdOrCtrl+N')?.click as (() => void) | undefined;
    click?.();
    expect(win.webContents.sent).toContainEqual({ channel: 'pals:menu', payload: { command: 'new-engagement' } });
    expect(Menu.template?.map((m) => m.role ?? m.label)).toEqual(expect.arrayContaining(['editMenu', 'windowMenu']));
  });

  it('a second launch focuses the existing window instead of opening another', () => {
    win.minimized = true;
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.minimized).toBe(false);
    expect(win.focusCount).toBeGreaterThan(0);
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('holds the first quit until the store and the window place are on disk', async () => {
    win.bounds = { x: 40, y: 30, width: 1000, height: 700 };
    // What is on disk at the moment the process would exit (read synchronously in 'quit').
    const atQuit: { store?: string; state?: string } = {};
    app.once('quit', () => {
      atQuit.store = readFileSync(join(dataDir, 'pals.json'), 'utf8');
      atQuit.state = readFileSync(join(dataDir, 'window-state.json'), 'utf8');
    });
    const pending = invoke('addEngagement', { name: 'Added while quitting' });
    app.quit();
    expect(app.beforeQuitPrevented).toBe(1);
    expect(app.quitted).toBe(false);
    await vi.waitFor(
      () => {
        expect(app.quitted).toBe(true);
      },
      { timeout: 20_000 },
    );
    expect(app.beforeQuitPrevented).toBe(1);
    const saved = JSON.parse(atQuit.store ?? '{}') as { engagements: { name: string }[] };
    expect(saved.engagements.map((e) => e.name)).toContain('Added while quitting');
    expect(JSON.parse(atQuit.state ?? '{}')).toEqual({ x: 40, y: 30, width: 1000, height: 700, maximized: false });
    expect(await pending).toMatchObject({ ok: true });
  });
});
