/**
 * Views that stay: the board's filters, lanes and round are kept with the data (settings.views),
 * so a reload, a restart or another browser on `pals serve` opens the board as it was left, and
 * `pals list --view NAME` reads the same saved views. The store mirrors what the core saved.
 */
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ApiFailure, PalsApi } from '../../../shared/api.js';
import type { ViewState } from '../../../shared/schema.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

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

/** The view a store shows. */
export function viewOf(s: Pick<Store, 'filters' | 'lanes' | 'round'>): ViewState {
  return { pal: s.filters.pal, maturity: s.filters.maturity, due: s.filters.due, swimlanes: s.lanes, round: s.round };
}

const same = (a: ViewState, b: ViewState) =>
  a.pal === b.pal && a.maturity === b.maturity && a.due === b.due && a.swimlanes === b.swimlanes && a.round === b.round;

/** Builds the views slice over an API. */
export function createViewsSlice(api: PalsApi): StateCreator<Store, [], [], ViewsSlice> {
  return (set, get, store: StoreApi<Store>) => ({
    lanes: 'none',
    round: null,
    setLanes: (lanes) => {
      set({ lanes });
    },
    setRound: (round) => {
      // Choosing the current round means "follow the current round", even after it changes.
      const current = get().board?.settings.currentRound;
      set({ round: round === current ? null : round });
    },
    currentView: () => viewOf(get()),
    applyView: (view) => {
      set({ filters: { pal: view.pal, maturity: view.maturity, due: view.due }, lanes: view.swimlanes, round: view.round });
    },
    saveView: async (name) => {
      const res = await safeCall(() => api.saveNamedView({ name, view: viewOf(get()) }));
      if (!res.ok) return res.error;
      get().announce(`View “${res.value.name}” saved.`);
      return null;
    },
    deleteView: async (name) => {
      const res = await safeCall(() => api.deleteNamedView({ name }));
      if (!res.ok) {
        get().pushToast('error', `Could not delete the view: ${res.error.message}`);
        return false;
      }
      get().announce(`View “${res.value.name}” deleted.`);
      return true;
    },
    followViews: () => {
      let kept: ViewState | null = null;
      const follow = (s: Store) => {
        if (kept === null) {
          if (!s.board) return;
          // The first board: show the view kept with the data (before anything is saved back).
          kept = s.board.settings.views.current;
          if (!same(kept, viewOf(s))) get().applyView(kept);
          return;
        }
        const now = viewOf(s);
        if (same(now, kept)) return;
        kept = now;
        void safeCall(() => api.saveViewState({ view: now })).then((res) => {
          if (!res.ok) get().pushToast('error', `Could not keep the board's view for next time: ${res.error.message}`);
        });
      };
      follow(get());
      return store.subscribe(follow);
    },
  });
}
