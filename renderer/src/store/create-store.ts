import { createStore } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import { createBoardSlice } from './board-slice.js';
import type { AppStore } from './types.js';
import { createUiSlice } from './ui-slice.js';

/** One bound store over an API: the real transport in the app, a fake in component tests. */
export function createAppStore(api: PalsApi): AppStore {
  return createStore<ReturnType<AppStore['getState']>>()((...a) => ({
    ...createBoardSlice(api)(...a),
    ...createUiSlice()(...a),
  }));
}
