/**
 * What a card shows of GitHub beyond its chip: the assignees (logins as text: avatars are
 * remote content) and whether they are the card's pals, its labels, when it last changed, and the
 * self-assessment PR's progress bar.
 */
import { describeMatch, matchAssignees } from '../../../shared/github/assignees.js';
import type { CardView } from '../../../shared/view.js';
import { formatDay } from '../format/dates.js';
import { selectPalLogins } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { PrProgress } from './pr-progress.js';

/** The lines, or nothing for a card with neither a synced issue nor a PR. */
export function CardGithubDetail({ card }: { readonly card: CardView }) {
  const logins = useAppStore(selectPalLogins);
  const today = useAppStore((s) => s.board?.today);
  const g = card.github;
  const synced = g?.syncedAt ? g : null;
  if (!synced && !card.pr) return null;
  const match = synced ? matchAssignees(synced.assignees, card.pals, logins) : null;
  return (
    <div className="card-github">
      {synced && match && (
        <p className="card-gh-line">
          <span className="visually-hidden">Assignees: </span>
          <span className={`card-gh-who card-gh-who--${match.state}`} title={describeMatch(match)}>
            {synced.assignees.length > 0 ? synced.assignees.join(', ') : 'Unassigned'}
            {match.state === 'mismatch' && <span className="card-gh-flag"> · not the pals</span>}
          </span>
          {synced.updatedAt && (
            <span className="card-gh-when">
              {' '}
              · active <time dateTime={synced.updatedAt}>{formatDay(synced.updatedAt.slice(0, 10), today)}</time>
            </span>
          )}
        </p>
      )}
      {synced && synced.labels.length > 0 && (
        <p className="card-gh-labels">
          <span className="visually-hidden">Labels: </span>
          {synced.labels.join(', ')}
        </p>
      )}
      {card.pr && <PrProgress filled={card.pr.filled} total={card.pr.total} error={card.pr.error} />}
    </div>
  );
}
