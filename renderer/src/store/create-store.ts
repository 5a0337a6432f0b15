import { createStore } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import { createActionsSlice } from './actions-slice.js';
import { createBoardSlice } from './board-slice.js';
import { createDeckSlice } from './deck-slice.js';
import { createFreshness } from './freshness.js';
import { createGithubSlice } from './github-slice.js';
import { createMenuSlice } from './menu-slice.js';
import { createNotesSlice } from './notes-slice.js';
import { createRecordSlice } from './record-slice.js';
import type { AppStore } from './types.js';
import { createUiSlice } from './ui-slice.js';

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
    ...createDeckSlice(api)(...a),
    ...createUiSlice()(...a),
  }));
}
