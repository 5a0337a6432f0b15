/** The shapes a GitHub sync reports to the CLI (`pals sync --json`) and the app. */
import type { Phase } from '../phases.js';
import type { HeldMove } from './held.js';

/** GitHub's core rate limit as the last answer stated it; `reset` is an ISO timestamp. */
export interface RateLimit {
  readonly remaining: number;
  readonly limit: number;
  readonly reset: string;
}

/** One linked issue the sync could not bring up to date. */
export interface SyncFailure {
  /** `owner/repo#n`, as the engagement links it. */
  readonly ref: string;
  readonly error: string;
}

/** A card the sync moved to follow GitHub: every one is reported, so no move is silent. */
export interface SyncMove {
  /** The card's id (what `pals resolve`, `show` and `conflicts --json` take). */
  readonly ref: string;
  readonly name: string;
  readonly from: Phase;
  readonly to: Phase;
  /** What on GitHub caused it, as the card's history records it (`label "pals/review"`, `issue closed`). */
  readonly because: string;
}

/**
 * Exactly the CLI contract's summary: `checked` counts every linked issue asked about, each one
 * once, as failed, updated (GitHub had news, or its card moved) or unchanged.
 */
export interface SyncSummary {
  readonly checked: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: readonly SyncFailure[];
  readonly rateLimit: RateLimit | null;
  /** Every card this sync moved, in the board's order. */
  readonly moved: readonly SyncMove[];
}

/** The summary plus why the sync stopped early (token refused, rate limit, offline), if it did. */
export interface SyncReport extends SyncSummary {
  readonly error: string | null;
  /** The moves write-back holds after the sync (made while it was off): their issues keep their labels. */
  readonly held: readonly HeldMove[];
}

/** What the renderer may know about the token: never the token itself. */
export interface GithubStatus {
  readonly tokenSet: boolean;
  readonly login: string | null;
  readonly scopes: readonly string[];
  /** The OS has no secret store (Linux `basic_text`): the token is only obfuscated on disk. */
  readonly insecure: boolean;
  readonly lastSync: {
    readonly at: string;
    readonly checked: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly failed: number;
    readonly error: string | null;
    readonly rateLimit: RateLimit | null;
  } | null;
}

/** Progress of a running sync, pushed as the `syncProgress` event. */
export interface SyncProgress {
  readonly done: number;
  readonly total: number;
}

/** The contract's summary without the extra fields (what `pals sync --json` prints). */
export function summaryOf(report: SyncSummary): SyncSummary {
  const { checked, updated, unchanged, failed, rateLimit, moved } = report;
  return { checked, updated, unchanged, failed, rateLimit, moved };
}
