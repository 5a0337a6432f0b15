/** The renderer's one bound store: the typed slices joined together. */
import type { StoreApi } from 'zustand/vanilla';
import type { ActionsSlice } from './actions-slice.js';
import type { BoardSlice } from './board-slice.js';
import type { DeckSlice } from './deck-slice.js';
import type { GithubSlice } from './github-slice.js';
import type { MenuSlice } from './menu-slice.js';
import type { NotesSlice } from './notes-slice.js';
import type { RecordSlice } from './record-slice.js';
import type { UiSlice } from './ui-slice.js';

/** Everything the UI reads and every action it can take. */
export type Store = BoardSlice & RecordSlice & NotesSlice & ActionsSlice & MenuSlice & GithubSlice & DeckSlice & UiSlice;

/** The vanilla store object (created once per app, or per test with a fake API). */
export type AppStore = StoreApi<Store>;
