/** The app: header (views, GitHub sync), the board (toolbar, banners, note matches), the action items or the deck. */
import { lazy, Suspense, useEffect } from 'react';
import { ActionItemsView } from './actions/action-items-view.js';
import { useBrowserDigest } from './attention/browser-digest.js';
import { NeedsAttention } from './attention/needs-attention.js';
import { Board } from './board/board.js';
import { SkipToBoard } from './board/skip-to-board.js';
import { BackupButton } from './backup/backup-dialog.js';
import { PalsButton } from './pals/pals-dialog.js';
import { DialogHost } from './dialog/dialog-host.js';
import { Announcer } from './feedback/announcer.js';
import { Toasts } from './feedback/toasts.js';
import { formatDay } from './format/dates.js';
import { LoadError } from './load-error.js';
import { EmptyState } from './onboarding/empty-state.js';
import { SyncControl } from './github/sync-control.js';
import { ExampleBanner } from './onboarding/example-banner.js';
import { CommandPalette } from './palette/command-palette.js';
import { useAppCommands } from './palette/use-app-commands.js';
import { AnotherWindow } from './serve/another-window.js';
import { useReconnect } from './serve/use-reconnect.js';
import { NoteMatches } from './search/note-matches.js';
import { selectHasExamples, selectIsEmpty, selectLoaded } from './store/selectors.js';
import { useAppStore, useStoreApi } from './store/store-context.js';
import { tabPanelProps } from './tabs/tab-list.js';
import { Toolbar } from './toolbar/toolbar.js';
import { VIEW_PREFIX, ViewSwitch } from './views/view-switch.js';

// The deck view (with its own DOMPurify) is loaded the first time it is shown.
const DeckView = lazy(() => import('./deck/deck-view.js').then((m) => ({ default: m.DeckView })));
// The Insight view (charts, tables) likewise.
const InsightView = lazy(() => import('./insight/insight-view.js').then((m) => ({ default: m.InsightView })));

/** The whole UI; loads the board and follows the core's change events while mounted. */
export function App() {
  const store = useStoreApi();
  useEffect(() => store.getState().connect(), [store]);
  useEffect(() => store.getState().followViews(), [store]);
  useEffect(() => store.getState().connectAttention(), [store]);
  useAppCommands();
  useReconnect();
  useBrowserDigest();
  const dialogOpen = useAppStore((s) => s.dialog !== null || s.palette !== null);
  const view = useAppStore((s) => s.view);
  const loaded = useAppStore(selectLoaded);
  const empty = useAppStore(selectIsEmpty);
  const examples = useAppStore(selectHasExamples);
  const failed = useAppStore((s) => s.loadError !== null);
  const today = useAppStore((s) => s.board?.today);

  return (
    <>
      <div className="app" inert={dialogOpen}>
        <header className="app-header">
          <SkipToBoard />
          <h1 className="app-title">Security Pals Desk</h1>
          <ViewSwitch />
          <SyncControl />
          <div className="app-data">
            <PalsButton />
            <BackupButton />
            <AnotherWindow />
          </div>
          {today && (
            <p className="app-today">
              Today <time dateTime={today}>{formatDay(today)}</time>
            </p>
          )}
        </header>
        <main className="app-main">
          <LoadError />
          <div {...tabPanelProps(VIEW_PREFIX, 'board', view === 'board')} className="view">
            {loaded && <NeedsAttention />}
            <Toolbar />
            <NoteMatches />
            {!loaded && !failed && (
              <p className="loading" role="status">
                Loading the board…
              </p>
            )}
            {empty && <EmptyState />}
            {examples && <ExampleBanner />}
            <Board />
          </div>
          <div {...tabPanelProps(VIEW_PREFIX, 'actions', view === 'actions')} className="view">
            {view === 'actions' && <ActionItemsView />}
          </div>
          <div {...tabPanelProps(VIEW_PREFIX, 'deck', view === 'deck')} className="view">
            {view === 'deck' && (
              <Suspense fallback={<p className="loading">Loading the deck…</p>}>
                <DeckView />
              </Suspense>
            )}
          </div>
          <div {...tabPanelProps(VIEW_PREFIX, 'insight', view === 'insight')} className="view">
            {view === 'insight' && (
              <Suspense fallback={<p className="loading">Loading the insight…</p>}>
                <InsightView />
              </Suspense>
            )}
          </div>
        </main>
      </div>
      <DialogHost />
      <CommandPalette />
      <Toasts />
      <Announcer />
    </>
  );
}
