/**
 * The self-assessment PR's progress: a bar (a native progress element, role progressbar) and
 * its words, "3 of 8 sections", for the card and its dialog; the dialog also lists the sections.
 */
import type { AssessmentSection } from '../../../shared/schema.js';

interface Props {
  readonly filled: number;
  readonly total: number;
  readonly error: string | null;
  /** The dialog lists every section; the card shows the bar only. */
  readonly sections?: readonly AssessmentSection[];
}

/** The bar and its text; a PR not read yet, or unreadable, says so instead. */
export function PrProgress({ filled, total, error, sections }: Props) {
  if (error) return <p className="pr-progress pr-progress--error">Self-assessment: {error}</p>;
  if (total === 0) return <p className="pr-progress muted">Self-assessment PR not read yet (the next sync reads it)</p>;
  const words = `${filled} of ${total} sections`;
  return (
    <div className="pr-progress">
      <progress className="pr-bar" value={filled} max={total} aria-label="Self-assessment progress" aria-valuetext={words} />
      <span className="pr-text">{words}</span>
      {sections && (
        <ul className="pr-sections" aria-label="Self-assessment sections">
          {sections.map((s) => (
            <li key={s.title} className={s.filled ? 'pr-section pr-section--filled' : 'pr-section'}>
              <span aria-hidden="true">{s.filled ? '✓' : '○'}</span> {s.title}
              <span className="visually-hidden">{s.filled ? ': filled' : ': not filled yet'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
