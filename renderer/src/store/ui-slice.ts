/** The UI slice: what the coordinator is looking at (search, filters, dialog) and feedback. */
import type { StateCreator } from 'zustand/vanilla';
import type { Store } from './types.js';
import type { Filters, UiSlice } from './ui-state.js';

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
