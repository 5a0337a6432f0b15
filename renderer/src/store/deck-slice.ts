/** The deck and export calls, as the views use them (rendered decks and files are not kept in the store). */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { Round } from '../../../shared/schema.js';
import type { DeckSlice } from './deck-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Builds the deck slice over an API. */
export function createDeckSlice(api: PalsApi): StateCreator<Store, [], [], DeckSlice> {
  return (_set, get) => {
    const mirror = (round: Round) => {
      get().patchCards((b) => ({ ...b, rounds: b.rounds.map((r) => (r.id === round.id ? round : r)) }));
    };
    return {
      deckPreview: (options) => safeCall(() => api.deckPreview({ options })),
      exportDeck: (options, format) => safeCall(() => api.exportDeck({ options, format })),
      exportAssessment: (id) => safeCall(() => api.exportAssessment({ id })),
      assessmentPullRequest: (id) => safeCall(() => api.assessmentPullRequest({ id })),
      editRoundDeck: async (id, patch) => {
        const res = await safeCall(() => api.editRoundDeck({ id, patch }));
        if (res.ok) mirror(res.value);
        return res;
      },
      addDeckImage: async (id, image) => {
        const res = await safeCall(() => api.addDeckImage({ id, image }));
        if (res.ok) mirror(res.value.round);
        return res;
      },
    };
  };
}
