/**
 * The round dialog: "Round settings" (any round's name, windows, weights; make current; delete)
 * and "New round" / "Start next round". One modal whose content switches, so focus stays inside
 * and goes back to whatever opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ALL_ROUNDS } from '../../../shared/schema.js';
import { Modal } from '../dialog/modal.js';
import type { RoundDialogMode } from '../store/rounds-slice.js';
import { selectEngagements, selectShownRound } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { NewRoundForm } from './new-round-form.js';
import { RoundSettingsForm } from './round-settings-form.js';

const TITLES: Readonly<Record<RoundDialogMode, string>> = { settings: 'Round settings', new: 'New round', next: 'Start next round' };

/** The dialog in `mode` (the UI slice's open dialog). */
export function RoundDialog({ mode }: { readonly mode: RoundDialogMode }) {
  const close = useAppStore((s) => s.closeDialog);
  const openRoundDialog = useAppStore((s) => s.openRoundDialog);
  const board = useAppStore((s) => s.board);
  const shown = useAppStore(selectShownRound);
  const cards = useAppStore(selectEngagements);
  const prefix = useId();
  const body = useRef<HTMLDivElement>(null);
  const rounds = board?.rounds ?? [];
  const currentId = board?.settings.currentRound;
  const [chosen, setChosen] = useState(shown === ALL_ROUNDS ? (currentId ?? '') : shown);
  const round = rounds.find((r) => r.id === chosen) ?? rounds.find((r) => r.id === currentId) ?? rounds[0];
  const current = rounds.find((r) => r.id === currentId);
  const held = round ? cards.filter((c) => c.round === round.id).length : 0;
  const unfinished = cards.filter((c) => c.round === currentId && c.phase !== 'done').length;

  // A switch between settings and a new round puts focus on the new form's first field.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    body.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [mode]);

  const switchTo = (
    <div className="rounds-switch">
      {mode !== 'settings' && (
        <button
          type="button"
          className="button"
          onClick={() => {
            openRoundDialog('settings');
          }}
        >
          Round settings…
        </button>
      )}
      {mode !== 'new' && (
        <button
          type="button"
          className="button"
          onClick={() => {
            openRoundDialog('new');
          }}
        >
          New round…
        </button>
      )}
      {mode !== 'next' && (
        <button
          type="button"
          className="button"
          onClick={() => {
            openRoundDialog('next');
          }}
        >
          Start next round…
        </button>
      )}
      <button type="button" className="button" onClick={close}>
        Close
      </button>
    </div>
  );

  return (
    <Modal labelledBy={`${prefix}-title`} onClose={close}>
      <div ref={body} className="rounds-dialog">
        <header className="dialog-head">
          <div>
            <h2 id={`${prefix}-title`} className="dialog-title">
              {TITLES[mode]}
            </h2>
            {mode === 'settings' && rounds.length > 1 && (
              <div className="field rounds-pick">
                <label htmlFor={`${prefix}-pick`} className="field-label">
                  Round to edit
                </label>
                <select
                  id={`${prefix}-pick`}
                  className="select"
                  value={round?.id ?? ''}
                  onChange={(e) => {
                    setChosen(e.target.value);
                  }}
                >
                  {rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                      {r.id === currentId ? ' (current)' : ''}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        </header>
        {!board || !round ? (
          <p className="dialog-body loading">Loading the rounds…</p>
        ) : mode === 'settings' ? (
          <RoundSettingsForm
            key={round.id}
            prefix={prefix}
            round={round}
            rounds={rounds}
            current={round.id === currentId}
            held={held}
            today={board.today}
            onShow={setChosen}
            footer={switchTo}
          />
        ) : (
          <NewRoundForm
            key={mode}
            prefix={prefix}
            next={mode === 'next'}
            rounds={rounds}
            current={current}
            unfinished={unfinished}
            onDone={(id) => {
              setChosen(id);
              openRoundDialog('settings');
            }}
            footer={switchTo}
          />
        )}
      </div>
    </Modal>
  );
}
