/** A view in words ("Pal Ana · Overdue · lanes by pal"), for the saved views list. */
import { ALL_ROUNDS, type Round, type ViewState } from '../../../shared/schema.js';
import { DUE_FILTER_LABELS, MATURITY_LABELS } from '../format/labels.js';

/** What a view shows, briefly. */
export function viewSummary(view: ViewState, rounds: readonly Round[]): string {
  const round =
    view.round === null
      ? 'current round'
      : view.round === ALL_ROUNDS
        ? 'all rounds'
        : (rounds.find((r) => r.id === view.round)?.name ?? 'a deleted round');
  const parts = [
    view.pal ? `pal ${view.pal}` : '',
    view.maturity ? MATURITY_LABELS[view.maturity] : '',
    view.due ? DUE_FILTER_LABELS[view.due] : '',
    view.swimlanes === 'pal' ? 'lanes by pal' : '',
    round,
  ].filter(Boolean);
  return parts.join(' · ');
}
