/** The words for a sync's progress and result (pure, so tests and the header agree). */
import type { SyncProgress, SyncReport } from '../../../shared/github/report.js';

/** "1 card" / "3 cards". */
export function cardsText(count: number): string {
  return `${count} ${count === 1 ? 'card' : 'cards'}`;
}

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

/**
 * What the status says about the moves after the summary: " (3 cards moved)", or nothing. Moved
 * cards are among the updated ones, hence the brackets; the header shows it to screen readers
 * only, since the "3 moved" button beside the status already says it where the header is narrow.
 */
export function movedSuffix(report: SyncReport): string {
  return report.moved.length > 0 ? ` (${cardsText(report.moved.length)} moved)` : '';
}
