/** The UI slice: what the coordinator is looking at (search, filters, dialog) and feedback. */
import type { StateCreator } from 'zustand/vanilla';
import type { DueStateName } from '../../../shared/due.js';
import type { Maturity } from '../../../shared/schema.js';
import type { RoundDialogMode } from './rounds-slice.js';
import type { Store } from './types.js';

/** Board filters; '' means "any". */
export interface Filters {
  readonly pal: string;
  readonly maturity: Maturity | '';
  readonly due: DueStateName | '';
}

/** The one dialog open at a time, if any; a card may open at one of its notes. */
export type OpenDialog =
  | { readonly kind: 'new' }
  | { readonly kind: 'card'; readonly id: string; readonly noteId?: string | undefined }
  | { readonly kind: PanelDialog }
  | { readonly kind: 'round'; readonly mode: RoundDialogMode }
  | null;

/** Dialogs of the app rather than of a card: backup and restore; under `pals serve`, another window; the calendar export; saved views. */
export type PanelDialog = 'backup' | 'another-window' | 'calendar' | 'views' | 'github-settings' | 'discover' | 'pals';

/** The main views the header switches between. */
export type View = 'board' | 'actions' | 'deck' | 'insight';

/** A message shown in the corner: errors stay until dismissed, info fades. */
export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
}

/** A card where the board shows it: its id and its swimlane's key (null on a board without lanes). */
export interface CardSpot {
  readonly id: string;
  readonly lane: string | null;
}

/** UI state and its setters. */
export interface UiSlice {
  readonly view: View;
  readonly search: string;
  readonly filters: Filters;
  readonly dialog: OpenDialog;
  readonly toasts: readonly Toast[];
  /** The latest polite screen-reader announcement. */
  readonly announcement: string;
  /** A card whose name button should take focus once it renders (after a move re-parents it). */
  readonly focusCard: string | null;
  /** With swimlanes, the lane of `focusCard` to focus it in (null: wherever it shows). */
  readonly focusLane: string | null;
  /** The one card Tab reaches on the board (a roving tabindex): the last one focused, else the first. */
  readonly tabStop: CardSpot | null;
  readonly setView: (view: View) => void;
  readonly setSearch: (text: string) => void;
  readonly setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  readonly clearFilters: () => void;
  readonly openNew: () => void;
  /** Opens a card's record; with `noteId`, at that note in the note editor. */
  readonly openCard: (id: string, noteId?: string) => void;
  /** Opens one of the app's own dialogs (backup and restore, another window). */
  readonly openPanel: (kind: PanelDialog) => void;
  readonly closeDialog: () => void;
  readonly pushToast: (kind: Toast['kind'], text: string) => number;
  readonly dismissToast: (id: number) => void;
  readonly announce: (text: string) => void;
  readonly requestCardFocus: (id: string | null, lane?: string | null) => void;
  readonly setTabStop: (spot: CardSpot | null) => void;
}

/** No filter applied. */
export const NO_FILTERS: Filters = { pal: '', maturity: '', due: '' };

/** Builds the UI slice. */
export function createUiSlice(): StateCreator<Store, [], [], UiSlice> {
  let nextToast = 1;
  return (set, get) => ({
    view: 'board',
    search: '',
    filters: NO_FILTERS,
    dialog: null,
    toasts: [],
    announcement: '',
    focusCard: null,
    focusLane: null,
    tabStop: null,
    setView: (view) => {
      set({ view });
    },
    setSearch: (search) => {
      set({ search });
    },
    setFilter: (key, value) => {
      set((s) => ({ filters: { ...s.filters, [key]: value } }));
    },
    clearFilters: () => {
      set({ filters: NO_FILTERS, search: '' });
    },
    openNew: () => {
      set({ dialog: { kind: 'new' } });
    },
    openCard: (id, noteId) => {
      set({ dialog: { kind: 'card', id, noteId } });
    },
    openPanel: (kind) => {
      set({ dialog: { kind } });
    },
    closeDialog: () => {
      set({ dialog: null });
    },
    pushToast: (kind, text) => {
      const id = nextToast++;
      set((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text }] }));
      return id;
    },
    dismissToast: (id) => {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    announce: (announcement) => {
      set({ announcement });
    },
    requestCardFocus: (focusCard, focusLane = null) => {
      set({ focusCard, focusLane });
    },
    setTabStop: (spot) => {
      const now = get().tabStop;
      if (now === spot || (now && spot && now.id === spot.id && now.lane === spot.lane)) return;
      set({ tabStop: spot });
    },
  });
}
