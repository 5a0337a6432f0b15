/**
 * The GitHub slice: the token's status (never the token), a running sync's progress and the last
 * sync's result. The sync itself runs in the core; `syncProgress` events tell how far it got.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AddedDiscoveredView, ApiFailure, ApiResponse, PalsApi, RoundRulesView, RulePreview } from '../../../shared/api.js';
import type { HeldMove } from '../../../shared/github/held.js';
import type { DiscoveredIssue } from '../../../shared/github/issue.js';
import type { GithubStatus, SyncProgress, SyncReport } from '../../../shared/github/report.js';
import type { LabelRule } from '../../../shared/schema.js';
import type { SettingsPatch, SettingsView } from '../../../shared/settings-update.js';
import type { EngagementView } from '../../../shared/view.js';
import type { Freshness } from './freshness.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

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
  /** Follows `syncProgress` and `syncDone` events (also from periodic syncs); returns the unsubscribe. */
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
  /** The current round's moves made while write-back was off (null until loaded): never sent unless pushed. */
  readonly heldMoves: readonly HeldMove[] | null;
  readonly loadHeldMoves: () => Promise<ApiFailure | null>;
  /** Queues the held moves the coordinator was shown (by id) for the next sync; resolves with those queued. */
  readonly pushHeldMoves: (ids: readonly string[]) => Promise<ApiResponse<readonly HeldMove[]>>;
  /** Replaces the current round's label rules (validated by the core: one label, one phase). */
  readonly saveLabelRules: (rules: readonly LabelRule[]) => Promise<ApiFailure | null>;
  /** What saving `rules` for the current round would do on the next sync (cards moved, conflicts); saves nothing. */
  readonly previewLabelRules: (rules: readonly LabelRule[]) => Promise<ApiResponse<RulePreview>>;
  /** Open issues and Security Pals PRs of a repository, each marked with the card linking it. */
  readonly discoverIssues: (repo: string, labels: readonly string[]) => Promise<ApiResponse<readonly DiscoveredIssue[]>>;
  readonly addDiscovered: (issues: readonly DiscoveredIssue[]) => Promise<ApiResponse<AddedDiscoveredView>>;
}

/** Builds the GitHub slice over an API. */
export function createGithubSlice(api: PalsApi, freshness: Freshness): StateCreator<Store, [], [], GithubSlice> {
  return (set, get) => {
    const takeStatus = async (run: () => Promise<ApiResponse<GithubStatus>>): Promise<ApiFailure | null> => {
      const res = await safeCall(run);
      if (!res.ok) return res.error;
      set({ githubStatus: res.value });
      return null;
    };
    return {
      githubStatus: null,
      syncing: null,
      syncResult: null,
      loadGithubStatus: async () => {
        await takeStatus(() => api.githubStatus({}));
      },
      connectGithub: () => {
        void get().loadGithubStatus();
        const offProgress = api.on('syncProgress', (progress) => {
          set({ syncing: progress });
        });
        // A sync this window did not start (the desktop app's timer, another window) shows its end and its moves too.
        const offDone = api.on('syncDone', (report) => {
          set({ syncing: null, syncResult: { kind: 'done', report } });
          void get().loadGithubStatus();
        });
        return () => {
          offProgress();
          offDone();
        };
      },
      syncNow: async () => {
        if (get().syncing) return;
        set({ syncing: { done: 0, total: 0 }, syncResult: null });
        const res = await safeCall(() => api.syncNow({}));
        set({ syncing: null, syncResult: res.ok ? { kind: 'done', report: res.value } : { kind: 'failed', message: res.error.message } });
        // The cards the sync changed arrive through the change feed (boardChanged).
        await get().loadGithubStatus();
      },
      resolveConflict: (id, keep) =>
        freshness.call(
          id,
          () => safeCall(() => api.resolveConflict({ id, keep })),
          (res, fresh) => {
            if (res.ok) get().takeEngagement(res.value, fresh, res.call);
          },
        ),
      setGithubToken: (token, allowInsecure) =>
        takeStatus(() => api.setGithubToken({ token, ...(allowInsecure ? { allowInsecure } : {}) })),
      clearGithubToken: () => takeStatus(() => api.clearGithubToken({})),
      testGithubToken: () => takeStatus(() => api.testGithubToken({})),
      githubSettings: null,
      labelRules: null,
      loadGithubSettings: async () => {
        const [settings, rules] = await Promise.all([safeCall(() => api.getSettings({})), safeCall(() => api.labelRules({}))]);
        if (settings.ok) set({ githubSettings: settings.value });
        if (rules.ok) set({ labelRules: rules.value });
        // The moves held while write-back was off (listed under its switch).
        if (settings.ok) await get().loadHeldMoves();
        return settings.ok ? (rules.ok ? null : rules.error) : settings.error;
      },
      updateSettings: async (patch) => {
        const res = await safeCall(() => api.updateSettings(patch));
        if (!res.ok) return res.error;
        set({ githubSettings: res.value });
        return null;
      },
      heldMoves: null,
      loadHeldMoves: async () => {
        const roundId = get().githubSettings?.currentRound;
        const res = await safeCall(() => api.heldMoves(roundId ? { roundId } : {}));
        if (!res.ok) return res.error;
        set({ heldMoves: res.value });
        return null;
      },
      pushHeldMoves: async (ids) => {
        const res = await safeCall(() => api.pushHeldMoves({ ids: [...ids] }));
        // What is still held (a card no longer held was left out, not pushed blindly).
        await get().loadHeldMoves();
        return res;
      },
      saveLabelRules: async (rules) => {
        const roundId = get().labelRules?.round.id;
        const res = await safeCall(() => api.setGithubSettings({ ...(roundId ? { roundId } : {}), labelRules: [...rules] }));
        if (!res.ok) return res.error;
        const fresh = await safeCall(() => api.labelRules({}));
        if (fresh.ok) set({ labelRules: fresh.value });
        return null;
      },
      previewLabelRules: (rules) => {
        const roundId = get().labelRules?.round.id;
        return safeCall(() => api.previewLabelRules({ ...(roundId ? { roundId } : {}), labelRules: [...rules] }));
      },
      discoverIssues: (repo, labels) => safeCall(() => api.discoverIssues({ repo, labels: [...labels] })),
      addDiscovered: async (issues) => {
        const choices = issues.map((d) => ({ issue: d.issue, name: d.suggestedName, title: d.title, kind: d.kind }));
        const res = await safeCall(() => api.addDiscovered({ issues: choices }));
        // The new cards reach the board through the change feed (boardChanged), like any other change.
        return res;
      },
    };
  };
}
