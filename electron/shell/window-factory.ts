/**
 * Makes the main window: hardened preferences, a remembered size and place, hidden until the
 * first paint (no white flash), then pointed at the app origin.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import { PRODUCT_NAME } from '../core/paths.js';
import { APP_INDEX_URL } from './app-url.js';
import { hardenedWebPreferences } from './web-preferences.js';
import type { WindowState } from './window-state.js';
import { describeError } from './notices.js';

export interface MainWindowOptions {
  readonly preload: string;
  readonly devTools: boolean;
  /** Where the window was last time (already checked to be on a visible display), or null. */
  readonly state: WindowState | null;
}

/** The default size: a board of six columns fits without scrolling sideways. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

/** Creates the main window and starts loading `app://desk/index.html`. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options;
  // Electronegativity cannot see into hardenedWebPreferences(), so it reports contextIsolation,
  // sandbox and auxclick as unset here; they are set there (and unit-tested), and a middle-click
  // reaches setWindowOpenHandler in guards.ts, which denies it. The preload exposes one method per
  // API call, never ipcRenderer (preload.ts).
  const win = /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */ new BrowserWindow({
    ...(state ? { x: state.x, y: state.y, width: state.width, height: state.height } : DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d23' : '#ffffff',
    webPreferences: hardenedWebPreferences({ preload: options.preload, devTools: options.devTools, platform: process.platform }), // eng-disable PRELOAD_JS_CHECK
  });
  win.once('ready-to-show', () => {
    if (state?.maximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error(`could not load the board: ${describeError(error)}`);
  });
  return win;
}
