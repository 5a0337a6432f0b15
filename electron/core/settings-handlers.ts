/**
 * The settings calls (`pals settings`, `pals labels`, Settings → GitHub): reading and changing
 * the settings, and a round's label → phase rules. Every change is a pure operation in shared/.
 */
import { PalsError } from '../../shared/errors.js';
import { rulesView, setPhaseLabels } from '../../shared/github/label-rules.js';
import { previewLabelRules, previewPhaseLabels } from '../../shared/github/rule-preview.js';
import { newApiAddress, settingsView, updateSettings } from '../../shared/settings-update.js';
import type { CoreContext, Handlers } from './context.js';

type SettingsCall = 'getSettings' | 'updateSettings' | 'labelRules' | 'setPhaseLabels' | 'previewPhaseLabels' | 'previewLabelRules';

/** Builds the settings handlers over a core context. */
export function createSettingsHandlers(ctx: CoreContext): Pick<Handlers, SettingsCall> {
  const at = () => (ctx.now?.() ?? new Date()).toISOString();
  const round = (roundId: string | undefined) => roundId ?? ctx.store.doc.settings.currentRound;
  return {
    getSettings: () => Promise.resolve(settingsView(ctx.store.doc)),
    updateSettings: (patch) => ctx.store.update((doc) => updateSettings(doc, patch)),
    labelRules: ({ roundId }) => Promise.resolve(rulesView(ctx.store.doc, roundId)),
    setPhaseLabels: async ({ roundId, phase, labels }) => {
      const id = roundId ?? ctx.store.doc.settings.currentRound;
      await ctx.store.update((doc) => setPhaseLabels(doc, id, phase, labels));
      return rulesView(ctx.store.doc, id);
    },
    // Previews read the document and save nothing (the store is not touched).
    previewPhaseLabels: ({ roundId, phase, labels }) =>
      Promise.resolve(previewPhaseLabels(ctx.store.doc, round(roundId), phase, labels, at())),
    previewLabelRules: ({ roundId, labelRules }) => Promise.resolve(previewLabelRules(ctx.store.doc, round(roundId), labelRules, at())),
  };
}

/**
 * `updateSettings` as a page may make it: a new API address sends the GitHub token somewhere
 * else on the next sync, so it needs the user's word outside the page (`confirmApiUrl`, the
 * desktop app's native dialog); where there is none (`pals serve`) only the command line sets it.
 */
export function pageUpdateSettings(ctx: CoreContext, update: Handlers['updateSettings']): Handlers['updateSettings'] {
  return async (patch) => {
    const address = newApiAddress(ctx.store.doc, patch);
    if (address !== null) {
      const confirm = ctx.github?.confirmApiUrl;
      if (!confirm) {
        throw new PalsError(
          'invalid-input',
          `the GitHub token is sent to the API address, so a page cannot change it: run \`pals settings --api-url ${address}\` (or start \`pals serve --api-url …\`)`,
          'apiUrl',
        );
      }
      if (!(await confirm(address))) {
        throw new PalsError('invalid-input', 'the GitHub API address was not changed (not confirmed)', 'apiUrl');
      }
    }
    return update(patch);
  };
}
