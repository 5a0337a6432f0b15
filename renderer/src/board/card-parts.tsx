/** The small read-only pieces of a card: due line, GitHub chip, note count, tags. */
import type { DueState } from '../../../shared/due.js';
import type { CardGithub } from '../../../shared/view.js';
import { formatDay } from '../format/dates.js';
import { IssueIcon, NoteIcon } from './card-icons.js';

const BADGES = { 'due-soon': 'Due soon', overdue: 'Overdue', 'on-track': 'On track' } as const;

/** A due state as words (never colour alone). */
export function DueBadge({ state }: { readonly state: DueState['state'] }) {
  if (state === 'none') return null;
  return <span className={`badge badge--${state}`}>{BADGES[state]}</span>;
}

/** When the current phase's window ends, with its badge. */
export function DueLine({ due, today }: { readonly due: DueState; readonly today: string | undefined }) {
  if (due.phase === 'done') return null;
  if (due.windowEnd === null) return <p className="card-due card-due--none">No kickoff date yet</p>;
  return (
    <p className="card-due">
      <span>
        {due.phase === 'intake' ? 'Kicks off ' : 'Window ends '}
        <time dateTime={due.windowEnd}>{formatDay(due.windowEnd, today)}</time>
      </span>
      <DueBadge state={due.state} />
    </p>
  );
}

/** The tracking issue with its state, or "Link broken" / "Conflict" when the last sync says so. */
export function GithubChip({ github }: { readonly github: CardGithub | null }) {
  if (!github) {
    return (
      <span className="chip chip--muted" title="No GitHub tracking issue linked">
        <IssueIcon />
        <span className="visually-hidden">GitHub issue: </span>
        <span className="chip-text">Not linked</span>
      </span>
    );
  }
  const state = github.state ? ` (${github.state})` : '';
  const [modifier, text, title] = github.conflict
    ? ['chip--conflict', 'Conflict', `${github.issue}: GitHub suggests another phase; open the card to choose`]
    : github.error
      ? ['chip--broken', 'Link broken', `${github.issue}: ${github.error}`]
      : [github.state === 'closed' ? 'chip--closed' : 'chip--issue', `${github.issue}${state}`, `${github.issue}${state}`];
  return (
    <span className={`chip ${modifier}`} title={title}>
      <IssueIcon />
      <span className="visually-hidden">GitHub issue: </span>
      <span className="chip-text">{text}</span>
      {text !== `${github.issue}${state}` && <span className="visually-hidden"> ({github.issue})</span>}
    </span>
  );
}

/** How many notes the engagement has. */
export function NoteCount({ count }: { readonly count: number }) {
  return (
    <span className={`chip chip--count${count === 0 ? ' chip--muted' : ''}`} title={`${count} ${count === 1 ? 'note' : 'notes'}`}>
      <NoteIcon />
      {count}
      <span className="visually-hidden">{count === 1 ? ' note' : ' notes'}</span>
    </span>
  );
}

/** "Example" and "On hold" tags. */
export function CardTags({ example, onHold }: { readonly example: boolean; readonly onHold: boolean }) {
  if (!example && !onHold) return null;
  return (
    <p className="card-tags">
      {example && <span className="tag tag--example">Example</span>}
      {onHold && <span className="tag tag--hold">On hold</span>}
    </p>
  );
}
