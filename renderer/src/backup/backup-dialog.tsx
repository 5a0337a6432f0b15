/**
 * "Backup and restore": the whole store as one file, and a store replaced from one, with the
 * checks of `pals backup` / `pals restore`. In the desktop app both go through its native
 * dialogs and a restore is confirmed here, with what it replaces; under `pals serve` a backup is a
 * download and a restore is the command line's (the dialog shows the command).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BackupChoice, RestoreWay } from '../../../shared/backup.js';
import { deliverExport } from '../export/deliver-export.js';
import { ArchiveIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import { Modal } from '../dialog/modal.js';
import { PanelButton } from '../dialog/panel-button.js';

type Chosen = Extract<BackupChoice, { kind: 'chosen' }>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The dialog (File › Backup and restore…, the palette, or the header button). */
export function BackupDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const { backupStore, restoreWay, chooseBackup, restoreBackup, announce } = useAppStore(
    useShallow((s) => ({
      backupStore: s.backupStore,
      restoreWay: s.restoreWay,
      chooseBackup: s.chooseBackup,
      restoreBackup: s.restoreBackup,
      announce: s.announce,
    })),
  );
  const titleId = useId();
  const [way, setWay] = useState<RestoreWay | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const choose = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    void restoreWay().then((res) => {
      if (live) setWay(res.ok ? res.value : { kind: 'dialog' });
    });
    return () => {
      live = false;
    };
  }, [restoreWay]);

  const run = async <T,>(work: () => Promise<T>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const backup = () =>
    run(async () => {
      const res = await backupStore();
      if (!res.ok) setError(`No backup made: ${res.error.message}`);
      else setStatus(deliverExport(res.value) ?? '');
    });

  const pick = () =>
    run(async () => {
      const res = await chooseBackup();
      if (!res.ok) setError(`Not restored: ${res.error.message}`);
      else if (res.value.kind === 'chosen') {
        setChosen(res.value);
        requestAnimationFrame(() => keep.current?.focus());
      }
    });

  const restore = (choice: Chosen) =>
    run(async () => {
      const res = await restoreBackup(choice.choice);
      setChosen(null);
      requestAnimationFrame(() => choose.current?.focus());
      if (!res.ok) {
        setError(`Not restored: ${res.error.message}`);
        return;
      }
      const kept = res.value.kept ? ` The board as it was is kept in ${res.value.kept}.` : '';
      const done = `Restored ${plural(res.value.engagements, 'engagement')} from ${choice.file}.${kept}`;
      setStatus(done);
      announce(done);
    });

  const desktop = way?.kind === 'dialog';
  return (
    <Modal labelledBy={titleId} onClose={close}>
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          Backup and restore
        </h2>
      </header>
      <div className="dialog-body backup">
        <section aria-labelledby={`${titleId}-backup`} className="backup-section">
          <h3 id={`${titleId}-backup`} className="side-title">
            Back up
          </h3>
          <p>
            The whole board — every engagement, note and answer — in one JSON file, as <code>pals backup</code> writes it. It holds your
            notes: keep it somewhere only you can read.
          </p>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void backup()}>
            {way?.kind === 'command-line' ? 'Download a backup' : 'Save a backup…'}
          </button>
        </section>
        <section aria-labelledby={`${titleId}-restore`} className="backup-section">
          <h3 id={`${titleId}-restore`} className="side-title">
            Restore
          </h3>
          {way?.kind === 'command-line' ? (
            <>
              <p>
                In the browser the board is only backed up. Restore from the command line, where the file is at hand (it is checked as here,
                the board as it was is kept in the backups folder, and open pages show the restored board):
              </p>
              <pre className="backup-command">
                <code>{way.command}</code>
              </pre>
            </>
          ) : (
            <>
              <p>
                Replaces the whole board with a backup. The file is checked first, and the board as it is now is kept in the data folder’s
                backups.
              </p>
              {chosen ? (
                <div role="group" aria-label="Confirm the restore" className="confirm">
                  <p className="confirm-text">
                    Replace the board’s {plural(chosen.current, 'engagement')} with the {plural(chosen.engagements, 'engagement')} of{' '}
                    {chosen.file}?
                  </p>
                  <div className="form-actions">
                    <button
                      ref={keep}
                      type="button"
                      className="button"
                      onClick={() => {
                        setChosen(null);
                        requestAnimationFrame(() => choose.current?.focus());
                      }}
                    >
                      Keep the board
                    </button>
                    <button type="button" className="button button--danger" onClick={() => void restore(chosen)}>
                      Restore
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  ref={choose}
                  type="button"
                  className="button"
                  aria-disabled={busy || !desktop || undefined}
                  onClick={() => {
                    if (desktop) void pick();
                  }}
                >
                  Choose a backup…
                </button>
              )}
            </>
          )}
        </section>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p role="status" className="backup-status">
          {status}
        </p>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

/** The header's "Backup and restore" button. */
export function BackupButton() {
  return <PanelButton panel="backup" label="Backup and restore" icon={<ArchiveIcon />} />;
}
