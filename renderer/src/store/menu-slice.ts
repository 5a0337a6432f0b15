/** The desktop app's menu (and its shortcuts) as commands the UI follows; none under `pals serve`. */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { MenuSlice } from './menu-state.js';
import type { Store } from './types.js';

/** Builds the menu slice over an API. */
export function createMenuSlice(api: PalsApi): StateCreator<Store, [], [], MenuSlice> {
  return () => ({
    onMenuCommand: (listener) =>
      api.on('menu', (payload) => {
        listener(payload.command);
      }),
    onOpenCard: (listener) =>
      api.on('openCard', (payload) => {
        listener(payload.id);
      }),
  });
}
