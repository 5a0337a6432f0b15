/**
 * The rounds slice: round dialogs' calls and the Insight view's figures. A round change reaches
 * every page as a board reload (the core's feed sends `reload` when rounds change, since every
 * due date and score may move); meanwhile the answer is laid over the mirrored rounds and
 * settings so the dialog and the Round select show it at once.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { Freshness } from './freshness.js';
import type { RoundsSlice } from './rounds-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Builds the rounds slice over an API. */
export function createRoundsSlice(api: PalsApi, freshness: Freshness): StateCreator<Store, [], [], RoundsSlice> {
  return (set, get) => ({
    openRoundDialog: (mode) => {
      set({ dialog: { kind: 'round', mode } });
    },
    addRound: async (input) => {
      const res = await safeCall(() => api.addRound(input));
      if (res.ok) {
        const round = res.value;
        get().patchCards((b) => ({
          ...b,
          rounds: [...b.rounds.filter((r) => r.id !== round.id), round],
          settings: input.use ? { ...b.settings, currentRound: round.id } : b.settings,
        }));
        // A new current round: the board follows the current round; else it shows the new one.
        get().setRound(input.use ? null : round.id);
      }
      return res;
    },
    editRound: async (input) => {
      const res = await safeCall(() => api.editRound(input));
      if (res.ok) {
        const round = res.value;
        get().patchCards((b) => ({ ...b, rounds: b.rounds.map((r) => (r.id === round.id ? round : r)) }));
      }
      return res;
    },
    useRound: async (id) => {
      const res = await safeCall(() => api.useRound({ id }));
      if (res.ok) get().patchCards((b) => ({ ...b, settings: res.value.settings }));
      return res;
    },
    removeRound: async (id, moveTo) => {
      const res = await safeCall(() => api.removeRound(moveTo === undefined ? { id } : { id, moveTo }));
      if (res.ok) get().patchCards((b) => ({ ...b, rounds: b.rounds.filter((r) => r.id !== res.value.id) }));
      return res;
    },
    editHistory: (id, history) =>
      freshness.call(
        id,
        () => safeCall(() => api.editHistory({ id, history: history.map((h) => ({ to: h.to, on: h.on })) })),
        (res, fresh) => {
          if (res.ok) get().takeEngagement(res.value, fresh, res.call);
        },
      ),
    loadInsight: () => safeCall(() => api.getInsight({})),
  });
}
