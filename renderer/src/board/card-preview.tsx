/** What follows the pointer (or the arrow keys) while a card is dragged: a still copy of it. */
import type { CardView } from '../../../shared/view.js';
import { MATURITY_LABELS } from '../format/labels.js';
import { GripIcon } from './card-icons.js';
import { CardTags, DueLine, GithubChip, NoteCount } from './card-parts.js';

/** A look-alike of the card, hidden from assistive tech (the live region narrates the drag). */
export function CardPreview({ engagement: e, today }: { readonly engagement: CardView; readonly today: string | undefined }) {
  return (
    <div className="card card--overlay" aria-hidden="true">
      <CardTags example={e.example} onHold={e.onHold} />
      <div className="card-head">
        <p className="card-title">{e.name}</p>
        <span className="icon-button drag-handle">
          <GripIcon />
        </span>
      </div>
      <p className="card-meta">
        {MATURITY_LABELS[e.maturity]} · {e.pals.length ? e.pals.join(', ') : 'No pal yet'}
      </p>
      <DueLine due={e.due} today={today} />
      <div className="card-foot">
        <GithubChip github={e.github} />
        <NoteCount count={e.noteCount} />
      </div>
    </div>
  );
}
