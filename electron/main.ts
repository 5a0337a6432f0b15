/**
 * The Electron main process: a thin shell over the plain-Node core. It opens the store in the
 * same data folder as the CLI, serves the renderer on `app://desk/`, exposes the API contract
 * over IPC to its own windows only, and flushes the store before quitting.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell, type BrowserWindow } from 'electron';
import { channelOf } from '../shared/api-names.js';
import { openCore } from './core/open-core.js';
import { clock, today } from './core/today.js';
import { PRODUCT_NAME, resolveDataDir } from './core/paths.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/app-url.js';
import { createAppProtocolHandler } from './shell/app-protocol.js';
import { openExternalLink } from './shell/external-links.js';
import { denyAllPermissions, guardWebContents } from './shell/guards.js';
import { registerApiHandlers } from './shell/ipc.js';
import { MENU_CHANNEL, menuTemplate } from './shell/menu.js';
import { desktopExportPlatform } from './shell/export-platform.js';
import { startPeriodicSync } from './shell/periodic-sync.js';
import { startDailyDigest, systemNotice, type DigestNotice } from './shell/daily-digest.js';
import { createTokenVault, tokenFile } from './shell/token-vault.js';
import { confirmApiUrl } from './shell/confirm-api-url.js';
import { describeError, recoveryNotice } from './shell/notices.js';
import { flushBeforeQuit } from './shell/quit-flush.js';
import { TrustedWindows } from './shell/trusted-windows.js';
import { spellcheckStaysLocal } from './shell/web-preferences.js';
import { createMainWindow } from './shell/window-factory.js';
import { loadWindowState, trackWindowState, windowStateFile } from './shell/window-state.js';

// Before `ready` (synchronously, so the ESM entry cannot lose the race): the app's name and
// data folder (Electron's userData is the folder the CLI uses, so the single-instance lock is
// per data folder), the privileged scheme, and the process-wide sandbox.
app.setName(PRODUCT_NAME);
const dataDir = resolveDataDir(undefined);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
app.setPath('userData', dataDir);
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  // openExternalLink passes http(s) URLs only (external-links.ts): no file:, javascript: or app launchers.
  guardWebContents(contents, (url) => openExternalLink(url, (u) => shell.openExternal(u))); // eng-disable OPEN_EXTERNAL_JS_CHECK
});

const windows = new TrustedWindows();
let main: { readonly win: BrowserWindow; readonly state: { readonly flush: () => Promise<void> } } | null = null;

function fail(message: string): void {
  console.error(`error: ${message}`);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.exit(1);
}

async function openMainWindow(): Promise<BrowserWindow> {
  const file = windowStateFile(dataDir);
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const saved = await loadWindowState(file, displays);
  const preload = join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');
  const win = createMainWindow({ preload, devTools: !app.isPackaged, state: saved });
  windows.add(win);
  main = { win, state: trackWindowState(win, file) };
  win.once('closed', () => {
    if (main?.win === win) main = null;
  });
  return win;
}

/** A second launch or a dock click: bring the window back (or make one, on macOS). */
function showMainWindow(): void {
  const win = main?.win;
  if (!win || win.isDestroyed()) {
    openMainWindow().catch((error: unknown) => {
      console.error(`error: could not open the window: ${describeError(error)}`);
    });
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** The digest as a system notification (where the system has them). */
function showDigest(notice: DigestNotice): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification(systemNotice(notice, process.platform));
  shown.on('click', () => {
    showMainWindow();
    main?.win.webContents.send(channelOf('openCard'), { id: notice.firstId });
  });
  shown.show();
}

async function start(): Promise<void> {
  today(process.env); // a malformed PALS_NOW stops here, with the CLI's message
  await app.whenReady();
  // After ready: before it, safeStorage cannot tell which secret store the OS offers.
  const tokenSource = createTokenVault(tokenFile(dataDir), safeStorage);
  const core = await openCore(dataDir, {
    today: () => today(process.env),
    now: clock(process.env), // PALS_NOW dates what is recorded too, as in the CLI
    env: process.env,
    exportPlatform: desktopExportPlatform(() => main?.win),
    // PALS_GITHUB_API: GitHub Enterprise, or a local stand-in in tests; default api.github.com.
    github: {
      tokenSource,
      // A page that asks to send the token to a new API address needs the user's word in a native dialog.
      confirmApiUrl: (url) => confirmApiUrl(url, dialog, main?.win),
      ...(process.env.PALS_GITHUB_API ? { apiUrl: process.env.PALS_GITHUB_API } : {}),
    },
    // The data folder is watched so a `pals` command run in a terminal shows on the board without a click.
    watch: {
      onError: (error) => {
        console.error(`could not watch or re-read the data file: ${describeError(error)}`);
      },
    },
  });
  core.on(({ event, payload }) => {
    windows.send(channelOf(event), payload);
  });
  const periodicSync = startPeriodicSync(core.call);

  denyAllPermissions(session.defaultSession);
  // No dictionary downloads from Google's CDN (web-preferences.ts): off where they would be fetched.
  if (!spellcheckStaysLocal(process.platform)) session.defaultSession.setSpellCheckerEnabled(false);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer')));
  registerApiHandlers(ipcMain, core.dispatch, (id) => windows.has(id));
  const send = (command: string) => main?.win.webContents.send(MENU_CHANNEL, { command });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: PRODUCT_NAME, developer: !app.isPackaged, send })),
  );

  // "Needs attention" as a notification at start and once a day; a click brings the window and opens the card.
  const digest = startDailyDigest({ call: core.call, show: showDigest });

  flushBeforeQuit(app, async () => {
    clearInterval(periodicSync);
    digest.stop();
    await main?.state.flush();
    await core.close();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const win = await openMainWindow();
  // Only now: macOS emits `activate` at first launch too, which must not open a second window.
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  win.once('ready-to-show', () => void digest.check());
  const notice = recoveryNotice(core.recovery);
  if (notice) win.once('ready-to-show', () => void dialog.showMessageBox(win, { type: 'warning', ...notice }));
}

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    fail(describeError(error));
  });
} else {
  app.quit();
}
