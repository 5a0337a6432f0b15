import { createStore } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import { createActionsSlice } from './actions-slice.js';
import { createAttentionSlice } from './attention-slice.js';
import { createBackupSlice } from './backup-slice.js';
import { createBoardSlice } from './board-slice.js';
import { createDeckSlice } from './deck-slice.js';
import { createFreshness } from './freshness.js';
import { createGithubSlice } from './github-slice.js';
import { createIntakeSlice } from './intake-slice.js';
import { createMenuSlice } from './menu-slice.js';
import { createNotesSlice } from './notes-slice.js';
import { createPaletteSlice } from './palette-slice.js';
import { createPalsSlice } from './pals-slice.js';
import { createRecordSlice } from './record-slice.js';
import { createRoundsSlice } from './rounds-slice.js';
import type { AppStore } from './types.js';
import { createUiSlice } from './ui-slice.js';
import { createViewsSlice } from './views-slice.js';

/** One bound store over an API: the real transport in the app, a fake in component tests. */
export function createAppStore(api: PalsApi): AppStore {
  const freshness = createFreshness();
  return createStore<ReturnType<AppStore['getState']>>()((...a) => ({
    ...createBoardSlice(api, freshness)(...a),
    ...createRecordSlice(api, freshness)(...a),
    ...createNotesSlice(api, freshness)(...a),
    ...createActionsSlice(api)(...a),
    ...createMenuSlice(api)(...a),
    ...createGithubSlice(api, freshness)(...a),
    ...createIntakeSlice(api)(...a),
    ...createDeckSlice(api)(...a),
    ...createUiSlice()(...a),
    ...createBackupSlice(api)(...a),
    ...createViewsSlice(api)(...a),
    ...createAttentionSlice(api)(...a),
    ...createPaletteSlice()(...a),
    ...createPalsSlice(api)(...a),
    ...createRoundsSlice(api, freshness)(...a),
  }));
}
