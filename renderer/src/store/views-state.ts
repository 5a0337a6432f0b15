/** The views slice's shape: lanes, the round shown, and the views kept with the data. */
import type { ApiFailure } from '../../../shared/api.js';
import type { ViewState } from '../../../shared/schema.js';

/** How the board is split: no lanes, or a lane per pal. */
export type Lanes = ViewState['swimlanes'];

/** Lanes, round and saved views; the filters themselves live in the UI slice. */
export interface ViewsSlice {
  readonly lanes: Lanes;
  /** The round shown: a round id, ALL_ROUNDS, or null for whichever round is current. */
  readonly round: string | null;
  readonly setLanes: (lanes: Lanes) => void;
  readonly setRound: (round: string | null) => void;
  /** What the board shows now, as the settings store it. */
  readonly currentView: () => ViewState;
  /** Shows a view (a saved one, or the one kept from last time). */
  readonly applyView: (view: ViewState) => void;
  /** Saves the current view under `name` (replacing one of that name); null on success. */
  readonly saveView: (name: string) => Promise<ApiFailure | null>;
  readonly deleteView: (name: string) => Promise<boolean>;
  /**
   * Once the first board arrives, shows the view kept with the data; from then on keeps every
   * change of filters, lanes or round with the data. Returns the unsubscribe.
   */
  readonly followViews: () => () => void;
}
