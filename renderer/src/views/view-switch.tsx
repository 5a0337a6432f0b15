/** "Board | Action items | Retrospective deck" in the header (Ctrl/Cmd+1 / +2 / +3; the View menu has the first two). */
import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../store/store-context.js';
import type { AppStore } from '../store/types.js';
import type { View } from '../store/ui-state.js';
import { TabList } from '../tabs/tab-list.js';

/** The id prefix of the view tabs and their panels (one per page). */
export const VIEW_PREFIX = 'view';

const TABS = [
  { id: 'board', label: 'Board', shortcut: 'Control+1 Meta+1', title: 'Board (Ctrl+1 or ⌘1)' },
  { id: 'actions', label: 'Action items', shortcut: 'Control+2 Meta+2', title: 'Open action items (Ctrl+2 or ⌘2)' },
  { id: 'deck', label: 'Retrospective deck', shortcut: 'Control+3 Meta+3', title: 'Retrospective deck (Ctrl+3 or ⌘3)' },
] as const;

/** The view tabs. */
export function ViewSwitch() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return <TabList prefix={VIEW_PREFIX} label="View" tabs={TABS} selected={view} onSelect={setView} className="view-switch" />;
}

/** Shows a view and puts focus on its tab (the old view's focused element is hidden now). */
function show(store: AppStore, view: View): void {
  store.getState().setView(view);
  document.getElementById(`${VIEW_PREFIX}-tab-${view}`)?.focus();
}

/**
 * Ctrl/Cmd+1 and +2 switch views while no dialog is open (in a browser tab the browser may keep
 * them); in the desktop app the View menu sends the same as `menu` commands, with File > New
 * Engagement and View > Search.
 */
export function useViewShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const view: View | null = event.key === '1' ? 'board' : event.key === '2' ? 'actions' : event.key === '3' ? 'deck' : null;
      if (!view || store.getState().dialog) return;
      event.preventDefault();
      show(store, view);
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = store.getState().onMenuCommand((command) => {
      if (store.getState().dialog) return;
      if (command === 'show-board') show(store, 'board');
      else if (command === 'show-actions') show(store, 'actions');
      else if (command === 'new-engagement') store.getState().openNew();
      else if (command === 'search') {
        store.getState().setView('board');
        requestAnimationFrame(() => document.getElementById('board-search')?.focus());
      }
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu();
    };
  }, [store]);
}
