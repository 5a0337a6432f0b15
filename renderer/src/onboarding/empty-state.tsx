/** The empty board teaches the timebox and offers the pilot round as an example to explore. */
import { PHASES, PHASE_TITLES } from '../../../shared/phases.js';
import { PHASE_PURPOSES, windowLabel } from '../format/labels.js';
import { selectWindows } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { usePanelAction } from './use-panel-action.js';

/** Shown above the (empty) columns until the first engagement exists. */
export function EmptyState() {
  const windows = useAppStore(selectWindows);
  const loadExample = useAppStore((s) => s.loadExample);
  const { busy, run: load } = usePanelAction(loadExample);

  return (
    <section className="empty" aria-labelledby="empty-title">
      <div className="empty-intro">
        <h2 id="empty-title" className="empty-title">
          No engagements yet
        </h2>
        <p>
          Each engagement pairs a pal with a project for a timeboxed run at its security self-assessment. Cards move through six phases,
          measured in weeks from the kickoff meeting; a card is marked <strong>due soon</strong> in the last 7 days of its window and{' '}
          <strong>overdue</strong> after it.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button--primary" onClick={() => void load()} aria-disabled={busy}>
            Load example round
          </button>
          <p className="empty-hint">
            Five projects from the pilot round (Tinkerbell, Kyverno, Crossplane, Artifact Hub, Argo), marked as examples and removable in
            one step. Or start with <strong>New engagement</strong> above.
          </p>
        </div>
      </div>
      <ol className="timebox" aria-label="The timebox">
        {PHASES.map((phase) => (
          <li key={phase} className="timebox-step">
            <span className="timebox-when">{windowLabel(phase, windows)}</span>
            <span className="timebox-phase">{PHASE_TITLES[phase]}</span>
            <span className="timebox-what">{PHASE_PURPOSES[phase]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
