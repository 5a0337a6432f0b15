/** "Board | Action items | Retrospective deck | Insight" in the header (Ctrl/Cmd+1 … +4, from palette/use-app-commands.ts). */
import { useAppStore } from '../store/store-context.js';
import { TabList } from '../tabs/tab-list.js';

/** The id prefix of the view tabs and their panels (one per page). */
export const VIEW_PREFIX = 'view';

const TABS = [
  { id: 'board', label: 'Board', shortcut: 'Control+1 Meta+1', title: 'Board (Ctrl+1 or ⌘1)' },
  { id: 'actions', label: 'Action items', shortcut: 'Control+2 Meta+2', title: 'Open action items (Ctrl+2 or ⌘2)' },
  { id: 'deck', label: 'Retrospective deck', shortcut: 'Control+3 Meta+3', title: 'Retrospective deck (Ctrl+3 or ⌘3)' },
  { id: 'insight', label: 'Insight', shortcut: 'Control+4 Meta+4', title: 'Insight across rounds (Ctrl+4 or ⌘4)' },
] as const;

/** The view tabs. */
export function ViewSwitch() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  return <TabList prefix={VIEW_PREFIX} label="View" tabs={TABS} selected={view} onSelect={setView} className="view-switch" />;
}
