/** The deck slice's shape: the calls that render or export a deck, and save a round's deck. */
import type { ApiArgs, ApiResponse, DeckPreview } from '../../../shared/api.js';
import type { AssessmentPr, DeckFormat } from '../../../shared/deck/formats.js';
import type { DeckOptionsInput, ExportResult } from '../../../shared/deck/options.js';
import type { RoundDeckPatch } from '../../../shared/deck/round-deck-schema.js';
import type { Round } from '../../../shared/schema.js';

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
