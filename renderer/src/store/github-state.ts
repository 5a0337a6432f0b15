/** The GitHub slice's shape: the token's status, a running sync, the last sync's result. */
import type { ApiFailure, ApiResponse } from '../../../shared/api.js';
import type { GithubStatus, SyncProgress, SyncReport } from '../../../shared/github/report.js';
import type { EngagementView } from '../../../shared/view.js';

/** What the header shows about the last sync started here. */
export type SyncResult = { readonly kind: 'done'; readonly report: SyncReport } | { readonly kind: 'failed'; readonly message: string };

/** GitHub state and actions. */
export interface GithubSlice {
  /** Null until the first answer (or when the core could not tell). */
  readonly githubStatus: GithubStatus | null;
  /** Set while a sync runs; `total` is 0 until the core has counted the linked issues. */
  readonly syncing: SyncProgress | null;
  readonly syncResult: SyncResult | null;
  readonly loadGithubStatus: () => Promise<void>;
  /** Follows `syncProgress` events (also from periodic syncs); returns the unsubscribe. */
  readonly connectGithub: () => () => void;
  readonly syncNow: () => Promise<void>;
  readonly resolveConflict: (id: string, keep: 'local' | 'github') => Promise<ApiResponse<EngagementView>>;
  readonly setGithubToken: (token: string, allowInsecure: boolean) => Promise<ApiFailure | null>;
  readonly clearGithubToken: () => Promise<ApiFailure | null>;
}
