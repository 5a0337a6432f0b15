/** The renderer's one bound store: the typed slices joined together. */
import type { StoreApi } from 'zustand/vanilla';
import type { ActionsSlice } from './actions-slice.js';
import type { AttentionSlice } from './attention-slice.js';
import type { BackupSlice } from './backup-slice.js';
import type { BoardSlice } from './board-slice.js';
import type { DeckSlice } from './deck-slice.js';
import type { GithubSlice } from './github-slice.js';
import type { IntakeSlice } from './intake-slice.js';
import type { MenuSlice } from './menu-slice.js';
import type { NotesSlice } from './notes-slice.js';
import type { PaletteSlice } from './palette-slice.js';
import type { PalsSlice } from './pals-slice.js';
import type { RecordSlice } from './record-slice.js';
import type { RoundsSlice } from './rounds-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { ViewsSlice } from './views-slice.js';

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
