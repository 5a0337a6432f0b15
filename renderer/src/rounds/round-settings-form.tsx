/**
 * One round's settings: its name, its phase windows (with the dates for a sample kickoff), its
 * selection-score weights, "Make current" and "Delete round". Checked with the core's own rules
 * before it is sent; a refusal of the core shows beside the field it names.
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import type { ApiFailure } from '../../../shared/api.js';
import type { TimedPhase } from '../../../shared/phases.js';
import type { CriteriaWeights, Round } from '../../../shared/schema.js';
import { FormError, TextField } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';
import { DeleteRound } from './delete-round.js';
import { checkWeightTexts, weightTexts, WeightsFields, type WeightTexts } from './weights-fields.js';
import { checkWindowTexts, phaseOfMessage, windowTexts, type WindowTexts } from './window-values.js';
import { WindowsTable } from './windows-table.js';
import { notSavedText } from '../feedback/not-saved.js';

interface Values {
  readonly name: string;
  readonly windows: WindowTexts;
  readonly weights: WeightTexts;
}

const valuesOf = (round: Round): Values => ({
  name: round.name,
  windows: windowTexts(round.windows),
  weights: weightTexts(round.criteriaWeights),
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where a refusal of the core belongs: the name, a phase's row, or the form. */
function placeFailure(error: ApiFailure): { name?: string; windows?: { phase: TimedPhase | null; message: string }; form?: string } {
  const field = error.field?.split('.').pop();
  if (error.code === 'duplicate' || field === 'name') return { name: error.message.replace(/^name: /, '') };
  if (field === 'windows' || error.field?.includes('windows'))
    return { windows: { phase: phaseOfMessage(error.message), message: error.message } };
  return { form: error.message };
}

/** The form for `round`; `onShow` switches the dialog to another round (after a delete). */
export function RoundSettingsForm(props: {
  readonly prefix: string;
  readonly round: Round;
  readonly rounds: readonly Round[];
  readonly current: boolean;
  readonly held: number;
  readonly today: string;
  readonly onShow: (id: string) => void;
  readonly footer: ReactNode;
}) {
  const { prefix, round, rounds, current, held, today, onShow } = props;
  const editRound = useAppStore((s) => s.editRound);
  const makeRoundCurrent = useAppStore((s) => s.useRound);
  const announce = useAppStore((s) => s.announce);
  const [initial, setInitial] = useState(() => valuesOf(round));
  const [values, setValues] = useState(initial);
  const [nameError, setNameError] = useState<string | null>(null);
  const [served, setServed] = useState<{ phase: TimedPhase | null; message: string } | null>(null);
  const [touched, setTouched] = useState(false);
  const [weightsTried, setWeightsTried] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const [source, setSource] = useState(round);
  // A change saved elsewhere (the CLI, another window) shows up here unless the user is mid-edit.
  if (round !== source) {
    setSource(round);
    if (same(values, initial)) {
      setInitial(valuesOf(round));
      setValues(valuesOf(round));
    }
  }

  const checked = checkWindowTexts(values.windows);
  const shownWindows = served && checked.ok ? ({ ok: false, ...served } as const) : checked;
  const weights = checkWeightTexts(values.weights);

  const update = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setStatus('');
    setServed(null);
  };

  const save = async () => {
    setTouched(true);
    setWeightsTried(true);
    setFormError(null);
    const name = values.name.trim();
    if (name === '') {
      setNameError('a round needs a name');
      setStatus('Not saved: fix the fields marked above');
      return;
    }
    setNameError(null);
    if (!checked.ok || !weights.ok) {
      setStatus('Not saved: fix the fields marked above');
      return;
    }
    const patch = {
      ...(name !== initial.name ? { name } : {}),
      ...(!same(values.windows, initial.windows) ? { windows: checked.windows } : {}),
      ...(!same(values.weights, initial.weights) ? { criteriaWeights: weights.weights } : {}),
    };
    if (Object.keys(patch).length === 0) {
      setStatus('No changes to save');
      return;
    }
    setBusy(true);
    setStatus('Saving…');
    const res = await editRound({ id: round.id, ...patch });
    setBusy(false);
    if (!res.ok) {
      const place = placeFailure(res.error);
      if (place.name) setNameError(place.name);
      if (place.windows) setServed(place.windows);
      setFormError(place.form ?? null);
      setStatus(notSavedText(res.error.message));
      return;
    }
    const saved = valuesOf(res.value);
    setInitial(saved);
    setValues(saved);
    setStatus('Saved');
    announce(`${res.value.name}: settings saved.`);
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!busy) void save();
  };

  const makeCurrent = async () => {
    const res = await makeRoundCurrent(round.id);
    if (res.ok) announce(`${round.name} is now the current round: new engagements join it.`);
    else setFormError(`Could not make it current: ${res.error.message}`);
  };

  return (
    <form className="form rounds-form" noValidate onSubmit={submit} aria-label={`Settings of ${round.name}`}>
      <div className="dialog-body rounds-body">
        <div className="rounds-current">
          {current ? (
            <p className="muted">This is the current round: new engagements join it.</p>
          ) : (
            <button type="button" className="button button--small" onClick={() => void makeCurrent()}>
              Make it the current round
            </button>
          )}
          <p className="muted">
            {held} {held === 1 ? 'engagement' : 'engagements'} in this round.
          </p>
        </div>
        <TextField
          prefix={prefix}
          name="round-name"
          label="Name"
          error={nameError ?? undefined}
          value={values.name}
          maxLength={200}
          dir="auto"
          onChange={(name) => {
            setNameError(null);
            update({ name });
          }}
        />
        <WindowsTable
          prefix={prefix}
          texts={values.windows}
          checked={shownWindows}
          showError={touched || served !== null}
          today={today}
          onChange={(phase, end, text) => {
            setTouched(true);
            update({ windows: { ...values.windows, [phase]: { ...values.windows[phase], [end]: text } } });
          }}
        />
        <WeightsFields
          prefix={prefix}
          texts={values.weights}
          invalid={weightsTried && !weights.ok ? weights.criterion : null}
          onChange={(criterion: keyof CriteriaWeights, text) => {
            setWeightsTried(true);
            update({ weights: { ...values.weights, [criterion]: text } });
          }}
        />
        <FormError message={formError} />
        <DeleteRound round={round} rounds={rounds} held={held} onDeleted={onShow} />
      </div>
      <footer className="dialog-foot rounds-foot">
        {props.footer}
        <p role="status" className="save-state">
          {status}
        </p>
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          Save
        </button>
      </footer>
    </form>
  );
}
