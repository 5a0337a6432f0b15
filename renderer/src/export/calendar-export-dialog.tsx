/**
 * "Export calendar": an .ics file with an all-day event per phase window still ahead and per open
 * action item with a due date, for every pal or one (so each pal can import their own). Saved
 * through the app's save dialog, or downloaded under `pals serve`, like the deck.
 */
import { useId, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Modal } from '../dialog/modal.js';
import { selectPalOptions } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { useExport } from './use-export.js';

/** The dialog: whose calendar, then Export. */
export function CalendarExportDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const exportCalendar = useAppStore((s) => s.exportCalendar);
  const pals = useAppStore(useShallow(selectPalOptions));
  const [pal, setPal] = useState('');
  const { busy, run } = useExport();
  const prefix = useId();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    await run('calendar', () => exportCalendar(pal || null));
    close();
  };

  return (
    <Modal labelledBy={`${prefix}-title`} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <header className="dialog-head">
          <h2 id={`${prefix}-title`} className="dialog-title">
            Export calendar
          </h2>
        </header>
        <div className="dialog-body calendar-export-body">
          <p id={`${prefix}-what`} className="muted">
            An .ics file for any calendar app: an all-day event for each phase window still ahead and for each open action item with a due
            date. Importing a newer export updates those events instead of adding copies.
          </p>
          <div className="field">
            <label htmlFor={`${prefix}-pal`} className="field-label">
              Calendar for
            </label>
            <select
              id={`${prefix}-pal`}
              className="select"
              aria-describedby={`${prefix}-what`}
              value={pal}
              onChange={(e) => {
                setPal(e.target.value);
              }}
            >
              <option value="">Every pal</option>
              {pals.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
        </div>
        <footer className="dialog-foot">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy !== null || undefined}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
