/**
 * A stand-in for the `electron` module, so the real main process (electron/main.ts) can run in
 * Node under vitest: it records what the shell asks of Electron and lets a test play Electron's
 * part (ready, IPC from a frame, navigation events, quitting). One instance per module graph.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { CustomScheme, MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

/** An event object as Electron passes to listeners that may cancel. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { defaultPrevented: boolean; preventDefault: () => void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type Bounds = { x: number; y: number; width: number; height: number };

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  loadedUrl: string | null = null;
  destroyed = false;
  visible = false;
  focusCount = 0;
  maximized = false;
  minimized = false;
  bounds: Bounds;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    const n = (key: string, fallback: number) => (typeof options[key] === 'number' ? options[key] : fallback);
    this.bounds = { x: n('x', 100), y: n('y', 80), width: n('width', 800), height: n('height', 600) };
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getNormalBounds = () => ({ ...this.bounds });
  restore = () => (this.minimized = false);
  maximize = () => (this.maximized = true);
  show = () => (this.visible = true);
  focus = () => this.focusCount++;
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  name = 'Electron';
  appPath = '';
  isPackaged = false;
  lockResult = true;
  lockRequests = 0;
  sandboxEnabled = false;
  isReady = false;
  beforeQuitPrevented = 0;
  quitted = false;
  exitCode: number | null = null;
  readonly paths = new Map<string, string>();
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  /** Plays Electron's `ready`. */
  makeReady(): void {
    this.isReady = true;
    this.resolveReady();
  }
  whenReady = () => this.ready;
  setName = (name: string) => (this.name = name);
  getName = () => this.name;
  setPath = (name: string, path: string) => {
    if (!existsSync(path)) throw new Error(`setPath: ${path} does not exist`); // as Electron does
    this.paths.set(name, path);
  };
  getPath = (name: string) => this.paths.get(name) ?? '';
  getAppPath = () => this.appPath;
  enableSandbox = () => (this.sandboxEnabled = true);
  requestSingleInstanceLock = () => (this.lockRequests++, this.lockResult);
  exit = (code = 0) => (this.exitCode = code);
  quit = () => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) {
      this.beforeQuitPrevented++;
      return;
    }
    for (const win of FakeBrowserWindow.all.filter((w) => !w.destroyed)) win.close();
    this.emit('will-quit', fakeEvent());
    this.quitted = true;
    this.emit('quit');
  };
}

export const app = new FakeApp();

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
  handleOnce: vi.fn(),
  on: vi.fn(),
  once: vi.fn(),
  addListener: vi.fn(),
};

export const protocol = {
  privileged: [] as CustomScheme[],
  registeredBeforeReady: false,
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: CustomScheme[]) => {
    protocol.registeredBeforeReady = !app.isReady;
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
export const defaultSession = {
  requestHandler: null as PermissionRequest | null,
  checkHandler: null as ((...args: unknown[]) => boolean) | null,
  deviceHandler: null as ((...args: unknown[]) => boolean) | null,
  spellChecker: true,
  setSpellCheckerEnabled: (on: boolean) => (defaultSession.spellChecker = on),
  setPermissionRequestHandler: (h: PermissionRequest) => (defaultSession.requestHandler = h),
  setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => (defaultSession.checkHandler = h),
  setDevicePermissionHandler: (h: (...args: unknown[]) => boolean) => (defaultSession.deviceHandler = h),
};

export const shell = { openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()) };

export const Menu = {
  template: null as MenuItemConstructorOptions[] | null,
  buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: MenuItemConstructorOptions[] } | null) => (Menu.template = menu?.template ?? null)),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
};

/** What `import ... from 'electron'` gives the code under test. */
/** Notifications the main process showed (the "Needs attention" digest). */
export class FakeNotification extends EventEmitter {
  static readonly shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

export const electronModule = {
  app,
  Notification: FakeNotification,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  protocol,
  session: { defaultSession },
  shell,
  Menu,
  dialog,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  nativeTheme: { shouldUseDarkColors: false },
  // Reversible stand-in "encryption", enough for the vault to be wired and used.
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`enc:${text}`)),
    decryptStringAsync: (data: Buffer) => Promise.resolve({ shouldReEncrypt: false, result: data.toString().slice(4) }),
  },
};
