/**
 * The GitHub slice: the token's status (never the token), a running sync's progress and the last
 * sync's result. The sync itself runs in the core; `syncProgress` events tell how far it got.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiFailure, ApiResponse, PalsApi } from '../../../shared/api.js';
import type { GithubStatus } from '../../../shared/github/report.js';
import type { Freshness } from './freshness.js';
import type { GithubSlice } from './github-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

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
        return api.on('syncProgress', (progress) => {
          set({ syncing: progress });
        });
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
        return settings.ok ? (rules.ok ? null : rules.error) : settings.error;
      },
      updateSettings: async (patch) => {
        const res = await safeCall(() => api.updateSettings(patch));
        if (!res.ok) return res.error;
        set({ githubSettings: res.value });
        return null;
      },
      saveLabelRules: async (rules) => {
        const roundId = get().labelRules?.round.id;
        const res = await safeCall(() => api.setGithubSettings({ ...(roundId ? { roundId } : {}), labelRules: [...rules] }));
        if (!res.ok) return res.error;
        const fresh = await safeCall(() => api.labelRules({}));
        if (fresh.ok) set({ labelRules: fresh.value });
        return null;
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
