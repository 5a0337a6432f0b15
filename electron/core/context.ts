/** What every handler of the core runs with, and the shapes of the handler tables. */
import type { ApiCall, ApiParsedArgs, ApiResult } from '../../shared/api.js';
import type { EventBus } from './events.js';
import type { ClientOptions } from './github/client.js';
import type { SyncOptions } from './github/sync.js';
import type { TokenSource } from './lib/token-source.js';
import type { PalsStore } from './store/store.js';

/** One async function per UI call, taking validated arguments. */
export type Handlers = { readonly [K in ApiCall]: (args: ApiParsedArgs<K>) => Promise<ApiResult<K>> };

/** A file type an open dialog offers. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** What the desktop shell adds: native save and open dialogs, and printing with a hidden window. */
export interface ExportPlatform {
  saveFile(suggestedName: string, data: string | Uint8Array): Promise<string | null>;
  printToPdf(html: string): Promise<Uint8Array>;
  /** The native open dialog: the chosen file's path, or null when cancelled (restore). */
  openFile?(title: string, filters: readonly FileFilter[]): Promise<string | null>;
  /** Pictures of slide pages (whole HTML documents, 1280×720 each) as PNG, for the PPTX export. */
  pictureSlides?(pages: readonly string[]): Promise<Uint8Array[]>;
}

/** How a host reaches GitHub: where the token comes from, and (tests) other limits. */
export interface GithubContext {
  readonly tokenSource: TokenSource;
  /** Default https://api.github.com. */
  readonly apiUrl?: string;
  /**
   * Asks the user, outside any page (the desktop app's native dialog), whether the token may go
   * to a new API address a page asked for. Without it (`pals serve`) a page cannot change the
   * address at all: only `pals settings --api-url` can.
   */
  readonly confirmApiUrl?: (url: string) => Promise<boolean>;
  readonly client?: Omit<ClientOptions, 'token' | 'baseUrl'>;
  /** The OpenSSF Scorecard API the security check asks (no credentials go there); default https://api.scorecard.dev. */
  readonly scorecardUrl?: string;
  readonly sync?: Pick<SyncOptions, 'concurrency' | 'deadlineMs' | 'maxDurationMs'>;
}

export interface CoreContext {
  readonly store: PalsStore;
  /** Today's date for due states (PALS_NOW in tests and demos). */
  readonly today: () => string;
  readonly now?: () => Date;
  /** The desktop app's save dialog and PDF printer (absent under `pals serve` and the CLI). */
  readonly exportPlatform?: ExportPlatform;
  /** Where the GitHub token comes from (the app's vault, or GITHUB_TOKEN under `pals serve` and the CLI). */
  readonly github?: GithubContext;
  /** Where the core pushes events (sync progress) for the transports to forward. */
  readonly events?: EventBus;
  /** The last `boardChanged` sent (a board snapshot says which changes it already holds). */
  readonly boardSeq?: () => number;
  /** The host's environment (PDF export looks for Chromium with it). */
  readonly env?: NodeJS.ProcessEnv;
  /** The largest file `restoreFrom` reads (tests lower it). */
  readonly restoreMaxBytes?: number;
}
