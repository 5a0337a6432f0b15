/**
 * The application menu: the usual roles (Edit, View, Window) plus the board's own commands with
 * their shortcuts. A command reaches the focused window as `{ command }` on the `pals:menu`
 * channel (`channelOf('menu')`), so declaring a `menu` event in the API contract later makes
 * `pals.on('menu', ...)` work with no change here or in the preload.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { channelOf } from '../../shared/api-names.js';

/** The commands the renderer acts on when their menu item or shortcut is used. */
export const MENU_COMMANDS = ['new-engagement', 'search', 'show-board', 'show-retrospective'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The channel menu commands travel on (the future `menu` event's channel). */
export const MENU_CHANNEL = channelOf('menu');

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Developer tools and reload items (not in a packaged build). */
  readonly developer: boolean;
  /** Delivers a command to the focused app window. */
  readonly send: (command: MenuCommand) => void;
}

/** The menu template for `Menu.buildFromTemplate`. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => {
      options.send(command);
    },
  });
  const developer: MenuItemConstructorOptions[] = options.developer
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    ...(mac ? [{ label: options.appName, role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        item('New Engagement…', 'CmdOrCtrl+N', 'new-engagement'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Search…', 'CmdOrCtrl+F', 'search'),
        { type: 'separator' },
        item('Board', 'CmdOrCtrl+1', 'show-board'),
        item('Retrospective', 'CmdOrCtrl+2', 'show-retrospective'),
        { type: 'separator' },
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
