/**
 * The open action items across all engagements (the "Action items" view): a mirror of
 * `openActions`, refetched while the view is shown whenever the core's change feed moves.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiResponse, PalsApi } from '../../../shared/api.js';
import type { ExportResult } from '../../../shared/deck/options.js';
import type { OpenActionView } from '../../../shared/view.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

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

const ownersOf = (items: readonly OpenActionView[]) =>
  [...new Set(items.map((i) => i.action.owner?.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b));

/** Builds the actions slice over an API. */
export function createActionsSlice(api: PalsApi): StateCreator<Store, [], [], ActionsSlice> {
  return (set, get) => {
    let seq = 0;
    return {
      openActions: null,
      actionOwners: [],
      actionsOwner: '',
      actionsShowDone: false,
      actionsError: null,
      loadActions: async () => {
        const mine = ++seq;
        const { actionsOwner: owner, actionsShowDone: includeDone } = get();
        const [all, filtered] = await Promise.all([
          safeCall(() => api.openActions({ includeDone })),
          owner ? safeCall(() => api.openActions({ owner, includeDone })) : null,
        ]);
        if (mine !== seq) return; // a newer load (or filter) decides
        const shown = filtered ?? all;
        if (!all.ok || !shown.ok) {
          const why = !all.ok ? all.error.message : !shown.ok ? shown.error.message : '';
          set({ actionsError: `Could not load the action items: ${why}` });
          return;
        }
        set({ openActions: shown.value, actionOwners: ownersOf(all.value), actionsError: null });
      },
      connectActions: () => {
        void get().loadActions();
        return api.on('boardChanged', () => void get().loadActions());
      },
      setActionsOwner: (actionsOwner) => {
        set({ actionsOwner });
        void get().loadActions();
      },
      setActionsShowDone: (actionsShowDone) => {
        set({ actionsShowDone });
        void get().loadActions();
      },
      exportCalendar: (pal) => safeCall(() => api.exportCalendar(pal ? { pal } : {})),
      setActionDone: async (ref, done) => {
        const res = await safeCall(() => api.setActionDone({ id: ref.engagementId, noteId: ref.noteId, actionId: ref.actionId, done }));
        if (!res.ok) {
          get().pushToast('error', `Could not update the action item: ${res.error.message}`);
          return false;
        }
        // The card's change reaches the board through the change feed; only this list is asked again.
        await get().loadActions();
        return true;
      },
    };
  };
}
