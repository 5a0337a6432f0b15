/** The rounds slice's shape: starting, editing, using and removing rounds, a card's history, and insight. */
import type { ApiArgs, ApiResponse } from '../../../shared/api.js';
import type { HistoryStep } from '../../../shared/history.js';
import type { Insight } from '../../../shared/insight.js';
import type { Round } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';

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
