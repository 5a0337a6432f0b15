/**
 * The rounds slice: round dialogs' calls and the Insight view's figures. A round change reaches
 * every page as a board reload (the core's feed sends `reload` when rounds change, since every
 * due date and score may move); meanwhile the answer is laid over the mirrored rounds and
 * settings so the dialog and the Round select show it at once.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, PalsApi } from '../../../shared/api.js';
import type { HistoryStep } from '../../../shared/history.js';
import type { Insight } from '../../../shared/insight.js';
import type { Round } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import type { Freshness } from './freshness.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Which round dialog is open: a round's settings, or a new round (blank, or the next one with carry-over). */
export type RoundDialogMode = 'settings' | 'new' | 'next';

/** Round calls as the dialogs and the Insight view make them; each answers a value or a failure, never throws. */
export interface RoundsSlice {
  /** Opens the round dialog (settings of the round the board shows, or a new round). */
  readonly openRoundDialog: (mode: RoundDialogMode) => void;
  /** Starts a round; with `use`, the board then follows it (it is the current round). */
  readonly addRound: (input: ApiArgs<'addRound'>) => Promise<ApiResponse<Round>>;
  readonly editRound: (input: ApiArgs<'editRound'>) => Promise<ApiResponse<Round>>;
  readonly useRound: (id: string) => Promise<ApiResponse<unknown>>;
  readonly removeRound: (id: string, moveTo: string | undefined) => Promise<ApiResponse<{ readonly id: string }>>;
  /** Replaces a card's phase history; the answer updates the card and the open record. */
  readonly editHistory: (id: string, history: readonly HistoryStep[]) => Promise<ApiResponse<EngagementView>>;
  readonly loadInsight: () => Promise<ApiResponse<Insight>>;
}

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
