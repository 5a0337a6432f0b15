/** The desktop app's menu (and its shortcuts) as commands the UI follows; none under `pals serve`. */
import type { StateCreator } from 'zustand/vanilla';
import type { MenuCommand } from '../../../shared/api-names.js';
import type { PalsApi } from '../../../shared/api.js';
import type { Store } from './types.js';

/** Subscription to menu commands (the view decides what each one does on screen). */
export interface MenuSlice {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The desktop app asks to open a card (its "Needs attention" notification was clicked). */
  readonly onOpenCard: (listener: (id: string) => void) => () => void;
}

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
