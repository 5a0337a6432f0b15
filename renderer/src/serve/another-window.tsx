/**
 * Under `pals serve`: how to open the board in another window. A new tab of this browser at the
 * board's address is signed in already (the session is kept per origin); another browser, or a
 * private window, needs a one-time link, which this dialog makes.
 */
import { useId, useRef, useState } from 'react';
import { Modal } from '../dialog/modal.js';
import { PanelButton } from '../dialog/panel-button.js';
import { WindowsIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import { useServeSession } from './serve-context.js';
import type { ServeSession } from './serve-session.js';

/** The dialog (opened from the header button); nothing outside `pals serve`. */
export function AnotherWindowDialog() {
  const session = useServeSession();
  const close = useAppStore((s) => s.closeDialog);
  return session ? <AnotherWindowBody session={session} onClose={close} /> : null;
}

function AnotherWindowBody({ session, onClose }: { readonly session: ServeSession; readonly onClose: () => void }) {
  const titleId = useId();
  const linkId = useId();
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const address = `${session.origin}/`;

  const make = async () => {
    setError(null);
    setStatus('');
    const answer = await session.linkForAnotherBrowser();
    if (!answer.ok) {
      setError(`No link: ${answer.error.message}`);
      return;
    }
    setLink(answer.value.url);
    requestAnimationFrame(() => field.current?.select());
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Copied. It opens the board once, within 10 minutes.');
    } catch {
      field.current?.select();
      setStatus('Could not copy: the link is selected, copy it with Ctrl+C (⌘C).');
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          Open another window
        </h2>
      </header>
      <div className="dialog-body another-window">
        <section aria-labelledby={`${titleId}-here`}>
          <h3 id={`${titleId}-here`} className="side-title">
            In this browser
          </h3>
          <p>
            Any new tab or window of this browser at <code>{address}</code> opens this board, signed in, until <code>pals serve</code>{' '}
            stops.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              window.open(address, '_blank', 'noopener');
            }}
          >
            Open a new window
          </button>
        </section>
        <section aria-labelledby={`${titleId}-other`}>
          <h3 id={`${titleId}-other`} className="side-title">
            In another browser or a private window
          </h3>
          <p>
            Open a one-time link there. Like the address <code>pals serve</code> printed, it opens the board once; unused, it expires after
            10 minutes.
          </p>
          <button type="button" className="button" onClick={() => void make()}>
            {link ? 'Make another link' : 'Make a link'}
          </button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          {link && (
            <div className="another-window-link">
              <label htmlFor={linkId}>One-time link</label>
              <input ref={field} id={linkId} className="input" readOnly value={link} spellCheck={false} />
              <button type="button" className="button" onClick={() => void copy()}>
                Copy
              </button>
            </div>
          )}
          <p role="status" className="another-window-status">
            {status}
          </p>
        </section>
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </footer>
    </Modal>
  );
}

/** The header's "Another window" button; nothing outside `pals serve`. */
export function AnotherWindow() {
  const session = useServeSession();
  if (!session) return null;
  return <PanelButton panel="another-window" label="Another window" icon={<WindowsIcon />} />;
}
