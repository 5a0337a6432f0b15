/**
 * "New round" and "Start next round": a name, the round whose windows and weights it starts from,
 * whether it becomes current and whether the current round's unfinished engagements come along
 * (each keeps its history; the move between rounds is recorded on it).
 */
import { useState, type ReactNode, type SubmitEvent } from 'react';
import type { Round } from '../../../shared/schema.js';
import { CheckboxField, Field, FormError, TextField } from '../forms/fields.js';
import { useAppStore } from '../store/store-context.js';

/** "Round 2" after "Round 1" (a trailing number counts up), else "" for the coordinator to name. */
export function nextRoundName(rounds: readonly Round[], after: Round | undefined): string {
  const taken = new Set(rounds.map((r) => r.name.trim().toLowerCase()));
  const m = after ? /^(.*?)(\d+)\s*$/.exec(after.name) : null;
  if (!m) {
    for (let n = rounds.length + 1; ; n++) if (!taken.has(`round ${n}`)) return `Round ${n}`;
  }
  for (let n = Number(m[2]) + 1; ; n++) if (!taken.has(`${m[1]}${n}`.toLowerCase())) return `${m[1]}${n}`;
}

/** The form; `next` starts the next round (current, carrying over by default). `onDone` shows the new round's settings. */
export function NewRoundForm(props: {
  readonly prefix: string;
  readonly next: boolean;
  readonly rounds: readonly Round[];
  readonly current: Round | undefined;
  /** Engagements of the current round not done yet. */
  readonly unfinished: number;
  readonly onDone: (id: string) => void;
  readonly footer: ReactNode;
}) {
  const { prefix, next, rounds, current, unfinished, onDone } = props;
  const addRound = useAppStore((s) => s.addRound);
  const announce = useAppStore((s) => s.announce);
  const [name, setName] = useState(() => nextRoundName(rounds, current));
  const [like, setLike] = useState(current?.id ?? '');
  const [use, setUse] = useState(next);
  const [carry, setCarry] = useState(next && unfinished > 0);
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    if (name.trim() === '') {
      setNameError('a round needs a name');
      return;
    }
    setNameError(null);
    setBusy(true);
    const res = await addRound({
      name: name.trim(),
      ...(like ? { like } : {}),
      use,
      carryOver: carry && unfinished > 0,
    });
    setBusy(false);
    if (!res.ok) {
      if (res.error.code === 'duplicate' || res.error.field?.endsWith('name')) setNameError(res.error.message.replace(/^name: /, ''));
      else setFormError(res.error.message);
      return;
    }
    const moved =
      carry && unfinished > 0 ? `; ${unfinished} unfinished ${unfinished === 1 ? 'engagement' : 'engagements'} carried over` : '';
    announce(`${res.value.name} started${use ? ' as the current round' : ''}${moved}.`);
    onDone(res.value.id);
  };

  return (
    <form className="form rounds-form" noValidate onSubmit={(e) => void submit(e)} aria-label={next ? 'Start the next round' : 'New round'}>
      <div className="dialog-body rounds-body">
        <p className="muted">
          {next
            ? `The next round starts from ${current ? `${current.name}'s` : 'the current'} windows and weights; you can change them next.`
            : 'A round has its own phase windows, selection weights and retrospective deck.'}
        </p>
        <TextField
          prefix={prefix}
          name="new-round-name"
          label="Name"
          error={nameError ?? undefined}
          value={name}
          maxLength={200}
          dir="auto"
          onChange={(text) => {
            setName(text);
            setNameError(null);
          }}
        />
        <Field prefix={prefix} name="new-round-like" label="Windows and weights from">
          {(c) => (
            <select
              {...c}
              className="select"
              value={like}
              onChange={(e) => {
                setLike(e.target.value);
              }}
            >
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
              <option value="">The built-in timebox</option>
            </select>
          )}
        </Field>
        <CheckboxField
          prefix={prefix}
          name="use"
          label="Make it the current round (new engagements join it)"
          checked={use}
          onChange={setUse}
        />
        {unfinished > 0 && current && (
          <CheckboxField
            prefix={prefix}
            name="carry"
            label={`Carry over the ${unfinished} unfinished ${unfinished === 1 ? 'engagement' : 'engagements'} of ${current.name}`}
            checked={carry}
            describedBy={`${prefix}-carry-hint`}
            onChange={setCarry}
          />
        )}
        {unfinished > 0 && current && (
          <p id={`${prefix}-carry-hint`} className="field-hint">
            Each keeps its phase history; the move between rounds is recorded on it. Done engagements stay in {current.name}.
          </p>
        )}
        <FormError message={formError} />
      </div>
      <footer className="dialog-foot rounds-foot">
        {props.footer}
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {next ? 'Start round' : 'Create round'}
        </button>
      </footer>
    </form>
  );
}
