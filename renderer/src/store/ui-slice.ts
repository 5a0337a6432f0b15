/** The UI slice: what the coordinator is looking at (search, filters, dialog) and feedback. */
import type { StateCreator } from 'zustand/vanilla';
import type { DueStateName } from '../../../shared/due.js';
import type { Maturity } from '../../../shared/schema.js';
import type { Store } from './types.js';

/** Board filters; '' means "any". */
export interface Filters {
  readonly pal: string;
  readonly maturity: Maturity | '';
  readonly due: DueStateName | '';
}

/** The one dialog open at a time, if any; a card may open at one of its notes. */
export type OpenDialog =
  { readonly kind: 'new' } | { readonly kind: 'card'; readonly id: string; readonly noteId?: string | undefined } | null;

/** The main views the header switches between. */
export type View = 'board' | 'actions' | 'deck';

/** A message shown in the corner: errors stay until dismissed, info fades. */
export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly text: string;
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
  readonly setView: (view: View) => void;
  readonly setSearch: (text: string) => void;
  readonly setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  readonly clearFilters: () => void;
  readonly openNew: () => void;
  /** Opens a card's record; with `noteId`, at that note in the note editor. */
  readonly openCard: (id: string, noteId?: string) => void;
  readonly closeDialog: () => void;
  readonly pushToast: (kind: Toast['kind'], text: string) => number;
  readonly dismissToast: (id: number) => void;
  readonly announce: (text: string) => void;
  readonly requestCardFocus: (id: string | null) => void;
}

/** No filter applied. */
export const NO_FILTERS: Filters = { pal: '', maturity: '', due: '' };

/** Builds the UI slice. */
export function createUiSlice(): StateCreator<Store, [], [], UiSlice> {
  let nextToast = 1;
  return (set) => ({
    view: 'board',
    search: '',
    filters: NO_FILTERS,
    dialog: null,
    toasts: [],
    announcement: '',
    focusCard: null,
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
    requestCardFocus: (focusCard) => {
      set({ focusCard });
    },
  });
}
