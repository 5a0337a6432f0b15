/**
 * The card's GitHub section (Details tab): the tracking issue as the last sync saw it (state,
 * labels, assignees against the pals, last activity, sync state), its error, the choice between
 * the two phases when GitHub's labels and the board disagree, and the self-assessment PR.
 */
import { useId, useRef } from 'react';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import type { EngagementView } from '../../../shared/view.js';
import { formatMoment } from '../format/dates.js';
import { describeMatch, matchAssignees } from '../../../shared/github/assignees.js';
import { selectPalLogins } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { ConflictChoice } from './conflict-choice.js';
import { PullSection } from './pull-section.js';

/** The section, or nothing when the card links no issue. */
export function GithubSection({ engagement }: { readonly engagement: EngagementView }) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const logins = useAppStore(selectPalLogins);
  const { github } = engagement;
  if (!github) {
    return (
      <section className="side-section github-section" aria-labelledby={titleId}>
        <h3 id={titleId} className="side-title">
          GitHub
        </h3>
        <p className="muted">No tracking issue linked (Edit details to link one).</p>
        <PullSection engagement={engagement} />
      </section>
    );
  }
  const match = matchAssignees(github.assignees, engagement.pals, logins);

  return (
    <section className="side-section github-section" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1} className="side-title">
        GitHub
      </h3>
      <p className="github-line">
        {isHttpUrl(github.url) ? (
          <a href={github.url} target="_blank" rel="noopener noreferrer" className="link">
            {github.issue}
          </a>
        ) : (
          <span>{github.issue}</span>
        )}
        {github.state && <span className={`tag tag--${github.state}`}>{github.state === 'open' ? 'Open' : 'Closed'}</span>}
      </p>
      {github.title && (
        <p className="github-title" dir="auto">
          {github.title}
        </p>
      )}
      {github.labels.length > 0 && (
        <ul className="github-labels" aria-label="Labels">
          {github.labels.map((label) => (
            <li key={label} className="github-label" dir="auto">
              {label}
            </li>
          ))}
        </ul>
      )}
      {github.syncedAt && (
        <dl className="facts github-facts">
          <dt>Assignees</dt>
          <dd>
            {github.assignees.length > 0 ? github.assignees.join(', ') : 'nobody'} <span className="muted">({describeMatch(match)})</span>
          </dd>
          <dt>Last activity</dt>
          <dd>{github.updatedAt ? <time dateTime={github.updatedAt}>{formatMoment(github.updatedAt)}</time> : 'unknown'}</dd>
        </dl>
      )}
      <p className="muted github-synced">
        {github.syncedAt ? (
          <>
            {github.error ? 'Last sync failed; last good sync' : 'In sync as of'}{' '}
            <time dateTime={github.syncedAt}>{formatMoment(github.syncedAt)}</time>
          </>
        ) : (
          'Not synced yet'
        )}
      </p>
      {github.error && <p className="form-error">Link broken: {github.error}</p>}
      <ConflictChoice engagement={engagement} idPrefix={titleId} heading={heading} />
      <PullSection engagement={engagement} />
    </section>
  );
}
