/**
 * The PalsApi component tests run against: the real core (electron/core/open-core.ts) over a
 * store on an in-memory file system (test/support/memory-fs.ts), behind a thin wrapper. The
 * wrapper records every call so tests can assert what the UI asked for, can fail or hold the next
 * call of a name before the core sees it, and stands in for what lies outside the core: GitHub
 * (the token and sync answers are set by the test; GitHub traffic itself is tested against a
 * loopback fake elsewhere), the desktop app's save dialog and menu, a page's event stream losing
 * an event, and other processes (the CLI) changing the data folder.
 *
 * `createFakeApi` answers at once; the store opens in the background and every call waits for it.
 */
import { createCore, type Core } from '../../electron/core/open-core.js';
import type { ExportPlatform, Handlers } from '../../electron/core/context.js';
import { dispatch, type CallTable } from '../../electron/core/dispatch.js';
import type { CoreEvent } from '../../electron/core/events.js';
import type { TokenSource } from '../../electron/core/lib/token-source.js';
import { PalsStore, type StoreOptions } from '../../electron/core/store/store.js';
import {
  API,
  type ApiCall,
  type ApiEvent,
  type ApiEvents,
  type ApiFailure,
  type ApiResponse,
  type BoardChange,
  type PalsApi,
} from '../../shared/api.js';
import { makeClient } from '../../shared/api-client.js';
import { parseDocText } from '../../shared/document.js';
import { PalsError } from '../../shared/errors.js';
import type { GithubStatus, SyncReport } from '../../shared/github/report.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { createMemoryFs, type FsOperation, type MemoryFs } from '../support/memory-fs.js';

/** The fixed "today" of every fake board. */
export const TODAY = '2026-03-02';
/** The time of seeded records; the core's clock answers a millisecond later on each reading, as a real clock would. */
export const AT = '2026-03-02T10:00:00.000Z';
/** The data folder, on the fake's memory file system. */
export const DATA_DIR = '/mem/data';

type Listener = (payload: never) => void;

/** A file the core handed to the stand-in save dialog. */
export interface SavedFile {
  /** The name the core suggested. */
  readonly name: string;
  /** Where the dialog saved it (null: cancelled). */
  readonly path: string | null;
  readonly data: string | Uint8Array;
}

/** Test controls beside the API itself. */
export interface FakeControls {
  /**
   * The document as the core's store holds it. Replacing it writes the data folder as another
   * process (the CLI) would: the core notices on its next write, or at `emitExternalChange`.
   */
  doc: StoreDoc;
  /** The memory file system holding the data folder (`DATA_DIR`). */
  readonly fs: MemoryFs;
  readonly calls: { readonly name: ApiCall; readonly args: unknown }[];
  /** Arguments of every call of one kind, in order. */
  readonly callsOf: (name: ApiCall) => unknown[];
  /** The next call of `name` fails with `error`; the core never runs it. */
  readonly failNext: (name: ApiCall, error: ApiFailure) => void;
  /** Calls of `name` wait until the returned function is called (then the core runs them). */
  readonly hold: (name: ApiCall) => () => void;
  /**
   * Another process changed the files and the core's folder watcher noticed: the other process
   * rewrites the store (with the document set through `doc`, if any), then the core refreshes and
   * its change feed tells the pages (a `reload`, or the cards that changed: accept either).
   */
  readonly emitExternalChange: () => void;
  /**
   * Resolves once the core is open and every outside change asked for so far has been taken in
   * (and the core's event about it sent). Without lock contention, an outside change needs no
   * timer, only the feed's next turn of the event loop: `await settle()` (a 0 ms timeout) after
   * `emitExternalChange()` is enough, as it is for the pages' own calls.
   */
  readonly settled: () => Promise<void>;
  /** Every `boardChanged` the core pushed so far, in order (lost ones included). */
  readonly changes: readonly BoardChange[];
  /** The next `boardChanged` is never delivered, as if a page's event stream dropped it. */
  readonly loseNextChange: () => void;
  /** Pushes a `menu` command, as the desktop app's menu and its shortcuts do. */
  readonly emitMenu: (command: ApiEvents['menu']['command']) => void;
  /** Pushes `openCard`, as the desktop app does when its "Needs attention" notification is clicked. */
  readonly emitOpenCard: (id: string) => void;
  /** What `githubStatus` (and the token calls) answer; `setGithubToken` sets `tokenSet`. */
  github: GithubStatus;
  /** What `syncNow` answers, after pushing `syncProgress` for each of `checked` issues. */
  syncReport: SyncReport;
  /** Pushes a `syncProgress` event. */
  readonly emitSyncProgress: (done: number, total: number) => void;
  /** Pushes a `syncDone` event (a sync this window did not start, such as the desktop app's timer). */
  readonly emitSyncDone: (report: SyncReport) => void;
  /** Where the stand-in save dialog saves (`<folder>/<suggested name>`); null (the default): the user cancels. */
  saveFolder: string | null;
  /** Every file the core handed to the save dialog, in order. */
  readonly saves: readonly SavedFile[];
  /** What the stand-in open dialog answers (a file on the real disk, read as a restore reads it); null (the default): the user cancels. */
  openPath: string | null;
  /** Closes the core (its store flushes). */
  readonly close: () => Promise<void>;
}

export interface FakeOptions {
  /**
   * False: a host without the desktop app's save dialog (`pals serve` in a browser), where the
   * core answers exports as downloads. Default true.
   */
  readonly exportPlatform?: boolean;
  /** The desktop app's native "send the token to this new API address?" dialog; left out, the core refuses a new address (`pals serve`). */
  readonly confirmApiUrl?: (url: string) => Promise<boolean>;
  /** Runs before every file operation of the memory file system: throw to fail it, return a promise to delay it. */
  readonly intercept?: (operation: FsOperation) => void | Promise<void>;
}

/** A token-less GitHub status. */
export const NO_TOKEN: GithubStatus = { tokenSet: false, login: null, scopes: [], insecure: false, lastSync: null };

/** The fake API plus its controls. */
export type FakeApi = PalsApi & FakeControls;

/** The calls that would reach GitHub: the wrapper answers them from `github` and `syncReport`. */
type GithubBoundary = 'githubStatus' | 'setGithubToken' | 'clearGithubToken' | 'syncNow';

/** No token anywhere, and an API address where nothing listens: the core never reaches the real GitHub. */
const NO_GITHUB: TokenSource = {
  token: () => Promise.resolve(null),
  status: () => Promise.resolve({ set: false, login: null, scopes: [], insecure: false }),
};
const UNREACHABLE_API = 'http://127.0.0.1:9';

interface Live {
  readonly core: Core;
  /** The core's store. */
  readonly store: PalsStore;
  /** Another process's store on the same folder (the CLI). */
  readonly other: PalsStore;
}

/**
 * Builds a fake over `doc`, written to the data folder as `pals.json` before the core opens it
 * (no `doc`: a folder where nothing was ever saved, as on the first run).
 */
export function createFakeApi(doc?: StoreDoc, options: FakeOptions = {}): FakeApi {
  const fs = createMemoryFs(options.intercept ? { intercept: options.intercept } : {});
  if (doc) {
    const text = JSON.stringify(doc);
    parseDocText(text); // a seed the store would refuse fails here, not as a recovered empty board
    fs.putFile(`${DATA_DIR}/pals.json`, text);
  }
  let tick = 0;
  const now = () => new Date(Date.parse(AT) + ++tick);
  // Backups are named by the store's clock; a fixed one keeps the folder's listing predictable.
  const storeOptions: StoreOptions = { fs, clock: () => new Date(AT) };

  const listeners = new Map<ApiEvent, Set<Listener>>();
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
    listeners.get(event)?.forEach((l) => {
      l(payload as never);
    });
  };
  const emitProgress = (done: number, total: number) => {
    emit('syncProgress', { done, total });
  };
  const changes: BoardChange[] = [];
  let lose = false;
  const deliver = (message: CoreEvent) => {
    if (message.event === 'boardChanged') {
      changes.push(message.payload);
      if (lose) {
        lose = false;
        return;
      }
    }
    emit(message.event, message.payload);
  };

  const state = {
    github: NO_TOKEN,
    syncReport: { checked: 0, updated: 0, unchanged: 0, failed: [], rateLimit: null, moved: [], error: null, held: [] } as SyncReport,
    saveFolder: null as string | null,
    openPath: null as string | null,
  };
  const saves: SavedFile[] = [];
  const exportPlatform: ExportPlatform = {
    saveFile: (name, data) => {
      const path = state.saveFolder === null ? null : `${state.saveFolder}/${name}`;
      saves.push({ name, path, data });
      return Promise.resolve(path);
    },
    printToPdf: (html) => Promise.resolve(new TextEncoder().encode(`%PDF-1.7 stand-in for ${String(html.length)} characters of HTML`)),
    openFile: () => Promise.resolve(state.openPath),
  };

  let live: Live | null = null;
  const opening: Promise<Live> = (async () => {
    const opened = await PalsStore.open(DATA_DIR, storeOptions);
    if (opened.recovery) throw new Error(`the fake's data folder did not open cleanly: ${opened.recovery.reason}`);
    const { store: other } = await PalsStore.open(DATA_DIR, storeOptions);
    const core = createCore(opened.store, {
      today: () => TODAY,
      now,
      github: {
        tokenSource: NO_GITHUB,
        apiUrl: UNREACHABLE_API,
        ...(options.confirmApiUrl ? { confirmApiUrl: options.confirmApiUrl } : {}),
      },
      ...(options.exportPlatform === false ? {} : { exportPlatform }),
    });
    core.on(deliver);
    live = { core, store: opened.store, other };
    return live;
  })();
  // Outside changes run one after another, each once the core is open.
  let outside: Promise<void> = opening.then(() => undefined);
  const fromOutside = (step: (l: Live) => Promise<void>) => {
    outside = outside.catch(() => undefined).then(async () => step(await opening));
  };

  // The network boundary: what GitHub would say, set by the test; validated like every call.
  const github: Pick<Handlers, GithubBoundary> = {
    githubStatus: () => Promise.resolve(state.github),
    setGithubToken: ({ allowInsecure }) => {
      if (allowInsecure !== true && state.github.insecure) {
        throw new PalsError('github', 'this computer has no secret store; the token would only be obfuscated', 'allowInsecure');
      }
      state.github = { ...state.github, tokenSet: true, login: 'octocat', scopes: ['repo'] };
      return Promise.resolve(state.github);
    },
    clearGithubToken: () => {
      state.github = { ...state.github, tokenSet: false, login: null, scopes: [] };
      return Promise.resolve(state.github);
    },
    syncNow: () => {
      const total = state.syncReport.checked;
      for (let done = 1; done <= total; done++) emitProgress(done, total);
      state.github = { ...state.github, lastSync: { at: AT, ...state.syncReport, failed: state.syncReport.failed.length } };
      emit('syncDone', state.syncReport);
      return Promise.resolve(state.syncReport);
    },
  };
  const githubCalls: CallTable = { declared: API, handlers: github };

  const failures = new Map<ApiCall, ApiFailure>();
  const holds = new Map<ApiCall, Promise<void>>();
  const calls: { name: ApiCall; args: unknown }[] = [];
  const invoke = async (name: ApiCall, args: unknown): Promise<ApiResponse<unknown>> => {
    calls.push({ name, args });
    await holds.get(name);
    const failure = failures.get(name);
    if (failure) {
      failures.delete(name);
      return { ok: false, error: failure };
    }
    if (Object.hasOwn(github, name)) return dispatch(githubCalls, name, args);
    const { core } = await opening;
    return core.dispatch(name, args);
  };

  const on = ((event: ApiEvent, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  }) as PalsApi['on'];

  const seed = doc ?? emptyDoc();
  const controls: FakeControls = {
    get doc() {
      return live ? live.store.doc : seed;
    },
    set doc(next) {
      fromOutside(async ({ other }) => {
        await other.replace(next, 'external');
      });
    },
    fs,
    get github() {
      return state.github;
    },
    set github(next) {
      state.github = next;
    },
    get syncReport() {
      return state.syncReport;
    },
    set syncReport(next) {
      state.syncReport = next;
    },
    get saveFolder() {
      return state.saveFolder;
    },
    set saveFolder(next) {
      state.saveFolder = next;
    },
    get openPath() {
      return state.openPath;
    },
    set openPath(next) {
      state.openPath = next;
    },
    saves,
    emitSyncProgress: emitProgress,
    emitSyncDone: (report: SyncReport) => {
      emit('syncDone', report);
    },
    calls,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    failNext: (name, error) => {
      failures.set(name, error);
    },
    hold: (name) => {
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => {
        release = () => {
          holds.delete(name);
          resolve();
        };
      });
      holds.set(name, gate);
      return () => {
        release();
      };
    },
    emitMenu: (command) => {
      emit('menu', { command });
    },
    emitOpenCard: (id) => {
      emit('openCard', { id });
    },
    emitExternalChange: () => {
      fromOutside(async ({ store, other }) => {
        // The other process writes a new version of the files even when it changes nothing.
        await other.refresh();
        await other.replace(other.doc, 'external');
        await store.refresh();
        // The change feed sends its event on the next turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      });
    },
    settled: () => outside,
    changes,
    loseNextChange: () => {
      lose = true;
    },
    close: async () => {
      const { core, other } = await opening;
      await outside.catch(() => undefined);
      await Promise.all([core.close(), other.close()]);
    },
  };
  return Object.assign(controls, makeClient(invoke, on));
}
