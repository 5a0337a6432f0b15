/** The deck slice's shape: the calls that render or export a deck. */
import type { ApiResponse, DeckPreview } from '../../../shared/api.js';
import type { DeckOptionsInput, ExportResult } from '../../../shared/deck/options.js';

/** A deck file format. */
export type DeckFormat = 'md' | 'html' | 'pdf';

/** Calls that render or export; each answers a value or a failure, never throws. */
export interface DeckSlice {
  readonly deckPreview: (options: DeckOptionsInput) => Promise<ApiResponse<DeckPreview>>;
  readonly exportDeck: (options: DeckOptionsInput, format: DeckFormat) => Promise<ApiResponse<ExportResult>>;
  readonly exportAssessment: (id: string) => Promise<ApiResponse<ExportResult>>;
}
