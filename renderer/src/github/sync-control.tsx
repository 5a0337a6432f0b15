/**
 * The header's GitHub controls: "Sync" (explained, not just greyed, while no token is set), its
 * progress and result (with the cards it moved, sync-moves.tsx), the last sync time, "Find on GitHub" (discovery) and "GitHub settings".
 */
import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatMoment } from '../format/dates.js';
import { SettingsIcon } from '../icons.js';
import type { Store } from '../store/types.js';
import { useAppStore } from '../store/store-context.js';
import { SyncMoves } from './sync-moves.js';
import { movedSuffix, progressText, summaryText } from './sync-text.js';

const NO_TOKEN = 'Add a GitHub token (GitHub settings) to sync linked issues';

/** What sync is doing or did last: progress, a failure, the summary, or when it last ran. */
function SyncStatusLine(props: {
  readonly syncing: Store['syncing'];
  readonly result: Store['syncResult'];
  readonly status: Store['githubStatus'];
}) {
  const { syncing, result } = props;
  const lastSync = props.status?.lastSync;
  if (syncing) {
    return (
      <p role="status" className="sync-text">
        {progressText(syncing)}
      </p>
    );
  }
  if (result?.kind === 'failed' || (result?.kind === 'done' && result.report.error)) {
    const why = `Sync failed: ${result.kind === 'failed' ? result.message : (result.report.error ?? '')}`;
    // The header cuts a long reason short; the tooltip holds all of it.
    return (
      <p role="alert" className="sync-text sync-text--error" title={why}>
        {why}
      </p>
    );
  }
  if (result?.kind === 'done') {
    const failedRefs = result.report.failed.map((f) => `${f.ref}: ${f.error}`).join('\n');
    const summary = summaryText(result.report);
    const moved = movedSuffix(result.report);
    // The header may cut the line short: the tooltip holds all of it, and each failure.
    return (
      <p role="status" className="sync-text" title={[summary + moved, failedRefs].filter(Boolean).join('\n')}>
        {summary}
        {moved && <span className="visually-hidden">{moved}</span>}
      </p>
    );
  }
  if (!lastSync) return null;
  return (
    <p className="sync-text sync-text--muted">
      Last sync <time dateTime={lastSync.at}>{formatMoment(lastSync.at)}</time>
    </p>
  );
}

/** Sync button, status line, and the buttons opening discovery and the settings. */
export function SyncControl() {
  const { status, syncing, result, syncNow, connectGithub } = useAppStore(
    useShallow((s) => ({
      status: s.githubStatus,
      syncing: s.syncing,
      result: s.syncResult,
      syncNow: s.syncNow,
      connectGithub: s.connectGithub,
    })),
  );
  useEffect(() => connectGithub(), [connectGithub]);
  const openPanel = useAppStore((s) => s.openPanel);
  const hintId = useId();
  const tokenSet = status?.tokenSet ?? false;
  const disabled = !tokenSet || syncing !== null;

  return (
    <div className="sync">
      <div className="sync-status">
        <SyncStatusLine syncing={syncing} result={result} status={status} />
      </div>
      {!syncing && result?.kind === 'done' && <SyncMoves moves={result.report.moved} />}
      <button
        type="button"
        className="button button--small"
        aria-disabled={disabled || undefined}
        aria-describedby={tokenSet ? undefined : hintId}
        title={tokenSet ? 'Fetch the linked GitHub issues now' : NO_TOKEN}
        onClick={() => {
          if (!disabled) void syncNow();
        }}
      >
        {syncing ? 'Syncing…' : 'Sync'}
      </button>
      {!tokenSet && (
        <span id={hintId} className="visually-hidden">
          {NO_TOKEN}
        </span>
      )}
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => {
          openPanel('discover');
        }}
      >
        Find on GitHub
      </button>
      <button
        type="button"
        className="button button--small button--quiet button--icon"
        aria-haspopup="dialog"
        title="GitHub settings"
        onClick={() => {
          openPanel('github-settings');
        }}
      >
        <SettingsIcon />
        <span className="visually-hidden">GitHub settings</span>
      </button>
    </div>
  );
}
