/** Where a card has been: every move (from → to, when), oldest first. */
import { useId } from 'react';
import { PHASE_TITLES } from '../../../shared/phases.js';
import type { PhaseChange } from '../../../shared/schema.js';
import { formatInstant } from '../format/dates.js';

const SOURCES: Readonly<Record<PhaseChange['source'], string>> = { local: '', github: ' (from GitHub)', import: ' (imported)' };

/** The phase history list. */
export function PhaseHistory({ history }: { readonly history: readonly PhaseChange[] }) {
  const titleId = useId();
  return (
    <section className="side-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="side-title">
        Phase history
      </h3>
      {history.length === 0 ? (
        <p className="muted">No moves recorded.</p>
      ) : (
        <ol className="history">
          {history.map((h, i) => (
            <li key={`${h.at}-${i}`} className="history-item">
              <span className="history-move">
                {h.from === null ? `Added in ${PHASE_TITLES[h.to]}` : `${PHASE_TITLES[h.from]} → ${PHASE_TITLES[h.to]}`}
                {SOURCES[h.source]}
              </span>
              <time className="history-when" dateTime={h.at}>
                {formatInstant(h.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
