/** The deck and export calls, as the views use them (rendered decks and files are not kept in the store). */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, DeckPreview, PalsApi } from '../../../shared/api.js';
import type { AssessmentPr, DeckFormat } from '../../../shared/deck/formats.js';
import type { DeckOptionsInput, ExportResult } from '../../../shared/deck/options.js';
import type { RoundDeckPatch } from '../../../shared/deck/round-deck-schema.js';
import type { Round } from '../../../shared/schema.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

export type { DeckFormat };

/** Calls that render or export; each answers a value or a failure, never throws. */
export interface DeckSlice {
  readonly deckPreview: (options: DeckOptionsInput) => Promise<ApiResponse<DeckPreview>>;
  readonly exportDeck: (options: DeckOptionsInput, format: DeckFormat) => Promise<ApiResponse<ExportResult>>;
  readonly exportAssessment: (id: string) => Promise<ApiResponse<ExportResult>>;
  readonly assessmentPullRequest: (id: string) => Promise<ApiResponse<AssessmentPr>>;
  /** Saves a round's deck; the answer is laid over the mirrored round at once (the feed reloads the board too). */
  readonly editRoundDeck: (id: string, patch: RoundDeckPatch) => Promise<ApiResponse<Round>>;
  readonly addDeckImage: (
    id: string,
    image: ApiArgs<'addDeckImage'>['image'],
  ) => Promise<ApiResponse<{ readonly round: Round; readonly slideId: string }>>;
}

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
