/**
 * The label → phase rules of the current round as an editable table: one row per phase, its
 * labels comma-separated (the first is the one write-back sets). Checked before it is sent with
 * the core's own rule (a label means one phase), so a clash is named at the rows it touches.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import { ruleProblem } from '../../../shared/github/label-rules.js';
import { PHASES, PHASE_TITLES, type Phase } from '../../../shared/phases.js';
import type { LabelRule } from '../../../shared/schema.js';
import { useAppStore } from '../store/store-context.js';
import { RulePreviewNote } from './rule-preview-note.js';
import { useRulePreview } from './use-rule-preview.js';

const SOURCE = { round: 'this round’s own rules', settings: 'the rules every round shares', default: 'the built-in rules' } as const;

type Texts = Readonly<Record<Phase, string>>;

/** Each phase's single-label rules as the text of its field. */
function textsOf(rules: readonly LabelRule[]): Texts {
  const texts = Object.fromEntries(PHASES.map((p) => [p, [] as string[]])) as Record<Phase, string[]>;
  for (const r of rules) if (r.requires.length === 0) texts[r.phase].push(r.label);
  return Object.fromEntries(PHASES.map((p) => [p, texts[p].join(', ')])) as Record<Phase, string>;
}

/** The rules the fields say, the combined rules (which the table does not edit) kept after them. */
function rulesOf(texts: Texts, kept: readonly LabelRule[]): LabelRule[] {
  const typed = PHASES.flatMap((phase) =>
    texts[phase]
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((label) => ({ label, phase, family: 'pals', requires: [] as string[] })),
  );
  return [...typed, ...kept];
}

/** The phases whose fields hold a label another phase holds too. */
function clashing(rules: readonly LabelRule[]): ReadonlySet<Phase> {
  const byLabel = new Map<string, Set<Phase>>();
  for (const r of rules) {
    const k = r.label.toLowerCase();
    byLabel.set(k, (byLabel.get(k) ?? new Set()).add(r.phase));
  }
  return new Set([...byLabel.values()].filter((phases) => phases.size > 1).flatMap((phases) => [...phases]));
}

/** The table with Save, and under it what saving the pending edit would move. */
export function LabelRulesTable() {
  const view = useAppStore((s) => s.labelRules);
  const save = useAppStore((s) => s.saveLabelRules);
  const announce = useAppStore((s) => s.announce);
  const id = useId();
  const [texts, setTexts] = useState<Texts | null>(view ? textsOf(view.rules) : null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  // The fields follow the stored rules whenever they change (loaded, saved): state adjusted while rendering.
  const [shown, setShown] = useState(view);
  if (view && view !== shown) {
    setShown(view);
    setTexts(textsOf(view.rules));
  }
  const kept = view ? view.rules.filter((r) => r.requires.length > 0) : [];
  const draft = texts ? rulesOf(texts, kept) : null;
  // Previewed only when the fields say something other than the stored rules.
  const pending = view && draft && JSON.stringify(draft) !== JSON.stringify(rulesOf(textsOf(view.rules), kept)) ? draft : null;
  const preview = useRulePreview(pending);
  if (!view || !texts || !draft) return <p className="muted">Loading the label rules…</p>;

  const clash = clashing(draft);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = ruleProblem(draft);
    setSaved('');
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    const failure = await save(draft);
    setBusy(false);
    setError(failure?.message ?? null);
    if (!failure) {
      setSaved('Label rules saved.');
      announce('Label rules saved');
    }
  };

  return (
    <form className="rules-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="side-title">
        Label → phase rules
      </h3>
      <p className="muted">
        {view.round.name} uses {SOURCE[view.source]}. A label means one phase; the first label of a phase is the one write-back sets.
      </p>
      <table className="rules-table">
        <caption className="visually-hidden">Labels that mean each phase in {view.round.name}</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Labels (comma-separated)</th>
          </tr>
        </thead>
        <tbody>
          {PHASES.map((phase) => {
            const combined = kept.filter((r) => r.phase === phase);
            return (
              <tr key={phase}>
                <th scope="row">
                  <label htmlFor={`${id}-${phase}`}>{PHASE_TITLES[phase]}</label>
                </th>
                <td>
                  <input
                    id={`${id}-${phase}`}
                    className="input"
                    value={texts[phase]}
                    spellCheck={false}
                    aria-invalid={clash.has(phase) || undefined}
                    aria-describedby={clash.has(phase) ? `${id}-error` : undefined}
                    onChange={(event) => {
                      setTexts({ ...texts, [phase]: event.target.value });
                      setError(null);
                      setSaved('');
                    }}
                  />
                  {combined.length > 0 && (
                    <p className="muted rules-combined">
                      Also: {combined.map((r) => `${r.label} with ${r.requires.join(' + ')}`).join('; ')}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <RulePreviewNote id={`${id}-preview`} state={preview} />
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {saved}
      </p>
      <div className="form-actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={busy || undefined}
          aria-describedby={preview.kind === 'none' ? undefined : `${id}-preview`}
        >
          Save rules
        </button>
      </div>
    </form>
  );
}
