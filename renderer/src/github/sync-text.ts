/** The words for a sync's progress and result (pure, so tests and the header agree). */
import type { SyncProgress, SyncReport } from '../../../shared/github/report.js';

/** "Syncing…" until the core has counted, then "Syncing 3/10…". */
export function progressText(progress: SyncProgress): string {
  return progress.total > 0 ? `Syncing ${progress.done}/${progress.total}…` : 'Syncing…';
}

/**
 * "Synced 10: 2 updated" (", 1 failed", ", 2 moves held back": moves made while write-back was
 * off, listed in GitHub settings), or "Nothing to sync" when no card links an issue.
 */
export function summaryText(report: SyncReport): string {
  if (report.checked === 0 && report.failed.length === 0) return 'Nothing to sync: no card links a GitHub issue';
  const parts = [`${report.updated} updated`];
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed`);
  if (report.held.length > 0) parts.push(`${report.held.length === 1 ? '1 move' : `${report.held.length} moves`} held back`);
  return `Synced ${report.checked}: ${parts.join(', ')}`;
}
