/** The deck and export calls, as the views use them (results are not kept in the store). */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { DeckSlice } from './deck-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Builds the deck slice over an API. */
export function createDeckSlice(api: PalsApi): StateCreator<Store, [], [], DeckSlice> {
  return () => ({
    deckPreview: (options) => safeCall(() => api.deckPreview({ options })),
    exportDeck: (options, format) => safeCall(() => api.exportDeck({ options, format })),
    exportAssessment: (id) => safeCall(() => api.exportAssessment({ id })),
  });
}
