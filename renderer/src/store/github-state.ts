/** The GitHub slice's shape: the token's status, a running sync, the last sync's result. */
import type { AddedDiscoveredView, ApiFailure, ApiResponse, RoundRulesView } from '../../../shared/api.js';
import type { DiscoveredIssue } from '../../../shared/github/issue.js';
import type { GithubStatus, SyncProgress, SyncReport } from '../../../shared/github/report.js';
import type { LabelRule } from '../../../shared/schema.js';
import type { SettingsPatch, SettingsView } from '../../../shared/settings-update.js';
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
  /** Asks GitHub about the stored token now; the status then shows its login and scopes. */
  readonly testGithubToken: () => Promise<ApiFailure | null>;
  /** The settings and the current round's label rules, as the settings dialog shows them (null until loaded). */
  readonly githubSettings: SettingsView | null;
  readonly labelRules: RoundRulesView | null;
  readonly loadGithubSettings: () => Promise<ApiFailure | null>;
  readonly updateSettings: (patch: SettingsPatch) => Promise<ApiFailure | null>;
  /** Replaces the current round's label rules (validated by the core: one label, one phase). */
  readonly saveLabelRules: (rules: readonly LabelRule[]) => Promise<ApiFailure | null>;
  /** Open issues and Security Pals PRs of a repository, each marked with the card linking it. */
  readonly discoverIssues: (repo: string, labels: readonly string[]) => Promise<ApiResponse<readonly DiscoveredIssue[]>>;
  readonly addDiscovered: (issues: readonly DiscoveredIssue[]) => Promise<ApiResponse<AddedDiscoveredView>>;
}
