/** The renderer's one bound store: the typed slices joined together. */
import type { StoreApi } from 'zustand/vanilla';
import type { ActionsSlice } from './actions-state.js';
import type { AttentionSlice } from './attention-state.js';
import type { BackupSlice } from './backup-state.js';
import type { BoardSlice } from './board-state.js';
import type { DeckSlice } from './deck-state.js';
import type { GithubSlice } from './github-state.js';
import type { IntakeSlice } from './intake-state.js';
import type { MenuSlice } from './menu-state.js';
import type { NotesSlice } from './notes-state.js';
import type { PaletteSlice } from './palette-state.js';
import type { PalsSlice } from './pals-slice.js';
import type { RecordSlice } from './record-state.js';
import type { RoundsSlice } from './rounds-state.js';
import type { UiSlice } from './ui-state.js';
import type { ViewsSlice } from './views-state.js';

/** Everything the UI reads and every action it can take. */
export type Store = BoardSlice &
  RecordSlice &
  NotesSlice &
  ActionsSlice &
  MenuSlice &
  GithubSlice &
  IntakeSlice &
  DeckSlice &
  UiSlice &
  BackupSlice &
  ViewsSlice &
  AttentionSlice &
  PaletteSlice &
  PalsSlice &
  RoundsSlice;

/** The vanilla store object (created once per app, or per test with a fake API). */
export type AppStore = StoreApi<Store>;
