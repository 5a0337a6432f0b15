/** The deck and export calls, as the views use them (results are not kept in the store). */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiResponse, DeckPreview, PalsApi } from '../../../shared/api.js';
import type { DeckOptionsInput, ExportResult } from '../../../shared/deck/options.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** A deck file format. */
export type DeckFormat = 'md' | 'html' | 'pdf';

/** Calls that render or export; each answers a value or a failure, never throws. */
export interface DeckSlice {
  readonly deckPreview: (options: DeckOptionsInput) => Promise<ApiResponse<DeckPreview>>;
  readonly exportDeck: (options: DeckOptionsInput, format: DeckFormat) => Promise<ApiResponse<ExportResult>>;
  readonly exportAssessment: (id: string) => Promise<ApiResponse<ExportResult>>;
}

/** Builds the deck slice over an API. */
export function createDeckSlice(api: PalsApi): StateCreator<Store, [], [], DeckSlice> {
  return () => ({
    deckPreview: (options) => safeCall(() => api.deckPreview({ options })),
    exportDeck: (options, format) => safeCall(() => api.exportDeck({ options, format })),
    exportAssessment: (id) => safeCall(() => api.exportAssessment({ id })),
  });
}
