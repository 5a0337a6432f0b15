/** The actions slice's shape: open action items, the owner filter, ticking one off, the calendar export. */
import type { ApiResponse } from '../../../shared/api.js';
import type { ExportResult } from '../../../shared/deck/options.js';
import type { OpenActionView } from '../../../shared/view.js';

/** Which item to tick off (or back on). */
export interface ActionRef {
  readonly engagementId: string;
  readonly noteId: string;
  readonly actionId: string;
}

/** Open action items, the owner filter, and ticking one off. */
export interface ActionsSlice {
  /** The items the view lists (filtered by owner by the core); null until the first load. */
  readonly openActions: readonly OpenActionView[] | null;
  /** Every owner with an open item, for the filter (from the unfiltered list). */
  readonly actionOwners: readonly string[];
  /** '' means everyone. */
  readonly actionsOwner: string;
  /** Done items listed too (after the open ones), so one ticked by mistake can be ticked back on. */
  readonly actionsShowDone: boolean;
  readonly actionsError: string | null;
  readonly loadActions: () => Promise<void>;
  /** Loads now and on every store change; returns the unsubscribe (call it when the view hides). */
  readonly connectActions: () => () => void;
  readonly setActionsOwner: (owner: string) => void;
  readonly setActionsShowDone: (show: boolean) => void;
  /** The .ics calendar (every pal's, or one pal's) through the platform: save dialog or download. */
  readonly exportCalendar: (pal: string | null) => Promise<ApiResponse<ExportResult>>;
  /** Marks an item done (or not); resolves false after telling the user when the core refused. */
  readonly setActionDone: (ref: ActionRef, done: boolean) => Promise<boolean>;
}
