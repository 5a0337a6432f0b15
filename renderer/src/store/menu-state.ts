/** The menu slice's shape: the desktop menu's commands as a subscription. */
import type { MenuCommand } from '../../../shared/api-names.js';

/** Subscription to menu commands (the view decides what each one does on screen). */
export interface MenuSlice {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The desktop app asks to open a card (its "Needs attention" notification was clicked). */
  readonly onOpenCard: (listener: (id: string) => void) => () => void;
}
