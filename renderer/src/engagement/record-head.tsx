/** The card dialog's heading: the project's name (which names the dialog), its phase, due state, tags and links. */
import type { DueState } from '../../../shared/due.js';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import { PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import { DueBadge } from '../board/card-parts.js';
import { CloseIcon } from '../icons.js';

interface Props {
  readonly titleId: string;
  readonly name: string;
  readonly phase: Phase;
  readonly due: DueState;
  readonly example: boolean;
  readonly onHold: boolean;
  /** Links, once the whole record is known (the board's card does not carry them). */
  readonly repo?: string | null;
  readonly github?: { readonly issue: string; readonly url: string } | null;
  readonly onClose: () => void;
}

/** The same heading while the record loads (from the card) and once it is there (from the record). */
export function RecordHead({ titleId, name, phase, due, example, onHold, repo, github, onClose }: Props) {
  return (
    <header className="dialog-head">
      <div className="dialog-heading">
        <h2 id={titleId} className="dialog-title">
          {name}
        </h2>
        <p className="dialog-sub">
          <span>{PHASE_TITLES[phase]}</span>
          <DueBadge state={due.state} />
          {example && <span className="tag tag--example">Example</span>}
          {onHold && <span className="tag tag--hold">On hold</span>}
          {repo && isHttpUrl(repo) && (
            <a href={repo} target="_blank" rel="noreferrer noopener" className="link">
              Repository
            </a>
          )}
          {github && isHttpUrl(github.url) && (
            <a href={github.url} target="_blank" rel="noreferrer noopener" className="link">
              {github.issue}
            </a>
          )}
        </p>
      </div>
      <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}
