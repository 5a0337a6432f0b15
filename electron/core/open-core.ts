/**
 * The one entrance to the core. `openCore(dir, host)` opens a data folder and answers
 * `{ call, dispatch, on, close }`; the desktop shell, `pals serve` and the `pals` command line
 * are thin adapters over it (parse, `call('moveEngagement', …)`, format). Everything a host
 * needs is wired here once: the store, the change feed, the event bus, the folder watcher.
 */
import { API } from '../../shared/api.js';
import type { ApiResponse } from '../../shared/api.js';
import { startChangeFeed } from './change-feed.js';
import { dispatch, logToStderr, type CallTable, type InternalErrorLog } from './dispatch.js';
import { EventBus, type CoreEventListener } from './events.js';
import type { ExportPlatform, GithubContext } from './context.js';
import { createExportHandlers } from './export-handlers.js';
import { createHandlers } from './handlers.js';
import { HOST_API, type CoreCallFn, type FileExport } from './host-api.js';
import { pageUpdateSettings } from './settings-handlers.js';
import { createHostHandlers } from './host-handlers.js';
import { joinTables } from './join-tables.js';
import type { Recovery } from './lib/recovery-text.js';
import { PalsStore, type StoreOptions } from './store/store.js';
import { watchStore } from './watch-store.js';

/** The types a host names when it wires and answers the core (its only door besides `paths`, `today` and `lib/`). */
export type { ExportPlatform, FileExport, Recovery };

/** What the host running the core provides, and how the core should behave for it. */
export interface Host {
  /** Today's date for due states (`today(env)` reads PALS_NOW). */
  readonly today: () => string;
  readonly now?: () => Date;
  /** The environment (PDF export looks for Chromium with it). */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the GitHub token comes from, and which API to ask. */
  readonly github?: GithubContext;
  /** The desktop app's save dialog and PDF printer. */
  readonly exportPlatform?: ExportPlatform;
  /**
   * Follow the data folder, so a change by another process (the CLI, another app) shows without
   * a click: long-running hosts (the app, `pals serve`) want it, a CLI command does not.
   */
  readonly watch?: { readonly onError: (error: unknown) => void } | false;
  /** Store options: an in-memory file system in tests, fold on close or not (the CLI leaves it to the app). */
  readonly store?: StoreOptions;
  /** Where unexpected failures are reported (default: stderr). */
  readonly log?: InternalErrorLog;
}

/** An open core. */
export interface Core {
  /** Runs any call the core answers (the UI contract's and the host's), arguments validated. */
  readonly call: CoreCallFn;
  /** Runs a call from a transport: untrusted name and arguments, the UI contract's calls only. */
  readonly dispatch: (name: string, args: unknown) => Promise<ApiResponse<unknown>>;
  /** Subscribes to the events the core pushes (board changes, sync progress); returns the unsubscribe. */
  readonly on: (listener: CoreEventListener) => () => void;
  /** The data folder. */
  readonly dir: string;
  /** Set when the store was recovered or migrated while opening: the host tells the user. */
  readonly recovery: Recovery | null;
  /** Stops watching and following, and closes the store (pending writes are flushed first). */
  readonly close: () => Promise<void>;
}

/** Opens the data folder `dir` for `host`. */
export async function openCore(dir: string, host: Host): Promise<Core> {
  const { store, recovery } = await PalsStore.open(dir, host.store);
  return createCore(store, host, recovery);
}

/**
 * The core over a store that is already open. Hosts use `openCore`; this seam exists for tests
 * that need to hold the store too (to inject failures, or read what was written).
 */
export function createCore(store: PalsStore, host: Host, recovery: Recovery | null = null): Core {
  const events = new EventBus();
  const feed = startChangeFeed(store, host.today, (change) => {
    events.emit('boardChanged', change);
  });
  const ctx = {
    store,
    today: host.today,
    now: host.now,
    env: host.env,
    exportPlatform: host.exportPlatform,
    github: host.github,
    events,
    boardSeq: feed.seq,
  };
  const handlers = joinTables({
    'handlers.ts': createHandlers(ctx),
    'export-handlers.ts': createExportHandlers(ctx),
    'host-handlers.ts': createHostHandlers(ctx),
  });
  const log = host.log ?? logToStderr;
  const everything: CallTable = { declared: joinTables({ 'shared/api.ts': API, 'host-api.ts': HOST_API }), handlers };
  // The UI's calls only: a page can never name a host call (a file path, every record), nor
  // point the GitHub token at a new address without the user's word outside the page.
  const ui: CallTable = { declared: API, handlers: { ...handlers, updateSettings: pageUpdateSettings(ctx, handlers.updateSettings) } };
  const stopWatching = host.watch ? watchStore(store, host.watch.onError) : () => undefined;
  let closing: Promise<void> | null = null;
  return {
    call: ((name, args) => dispatch(everything, name, args, log)) as CoreCallFn,
    dispatch: (name, args) => dispatch(ui, name, args, log),
    on: (listener) => events.on(listener),
    dir: store.paths.dir,
    recovery,
    close: () =>
      (closing ??= (async () => {
        stopWatching();
        feed.stop();
        await store.close();
      })()),
  };
}
