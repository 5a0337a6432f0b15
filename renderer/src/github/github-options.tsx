/**
 * The settings dialog's GitHub options: the API address (GitHub Enterprise), write-back for the
 * current round, each pal's GitHub login, and what the last sync saw (when, rate limit left).
 */
import { useId, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { apiUrlProblem } from '../../../shared/issue-ref.js';
import { formatMoment } from '../format/dates.js';
import { useServeSession } from '../serve/serve-context.js';
import { useAppStore } from '../store/store-context.js';
import { HeldMoves } from './held-moves.js';

/** API address and write-back. */
export function ConnectionOptions() {
  const settings = useAppStore((s) => s.githubSettings);
  const update = useAppStore((s) => s.updateSettings);
  const roundName = useAppStore((s) => s.labelRules?.round.name ?? 'this round');
  const announce = useAppStore((s) => s.announce);
  const loadHeld = useAppStore((s) => s.loadHeldMoves);
  const writeBackBox = useRef<HTMLInputElement>(null);
  // Just switched on with moves held: the list and its two choices are offered (held-moves.tsx).
  const [offerHeld, setOfferHeld] = useState(false);
  // Under `pals serve` the core refuses a new address from a page (the token goes to it): only the command line sets it.
  const underServe = useServeSession() !== null;
  const id = useId();
  const [url, setUrl] = useState(settings?.apiUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The field follows the stored address whenever it changes (loaded, saved): state adjusted while rendering.
  const [shown, setShown] = useState(settings?.apiUrl);
  if (settings && settings.apiUrl !== shown) {
    setShown(settings.apiUrl);
    setUrl(settings.apiUrl);
  }
  if (!settings) return null;

  const saveUrl = async (event: SyntheticEvent) => {
    event.preventDefault();
    const typed = url.trim();
    const problem = typed === '' ? null : apiUrlProblem(typed);
    if (problem) {
      setError(`The address ${problem}`);
      return;
    }
    const failure = await update({ apiUrl: typed === '' ? null : typed });
    setError(failure?.message ?? null);
    setStatus(failure ? '' : 'API address saved.');
  };
  const toggle = async (on: boolean) => {
    const failure = await update({ writeBack: on });
    setError(failure?.message ?? null);
    if (failure) return;
    announce(on ? `Write-back on for ${roundName}` : `Write-back off for ${roundName}`);
    // Moves made while it was off are held, never sent by switching on: offer them.
    setOfferHeld(on && (await loadHeld()) === null);
  };

  return (
    <section className="github-options" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="side-title">
        Connection
      </h3>
      {underServe ? (
        <div className="field">
          <label htmlFor={`${id}-url`} className="field-label">
            GitHub API URL
          </label>
          <input
            id={`${id}-url`}
            className="input"
            type="url"
            value={settings.apiUrl}
            readOnly
            spellCheck={false}
            aria-describedby={`${id}-url-hint`}
          />
          <p id={`${id}-url-hint`} className="field-hint">
            The GitHub token is sent to this address, so a page cannot change it. Change it with <code>pals settings --api-url URL</code>.
          </p>
        </div>
      ) : (
        <form className="inline-form" onSubmit={(event) => void saveUrl(event)} noValidate>
          <div className="field">
            <label htmlFor={`${id}-url`} className="field-label">
              GitHub API URL
            </label>
            <input
              id={`${id}-url`}
              className="input"
              type="url"
              value={url}
              spellCheck={false}
              aria-describedby={`${id}-url-hint${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                setUrl(event.target.value);
                setError(null);
                setStatus('');
              }}
            />
            <p id={`${id}-url-hint`} className="field-hint">
              https://api.github.com, or your GitHub Enterprise server’s (https://HOST/api/v3). Empty goes back to api.github.com. The
              GitHub token is sent to this address, so the app asks you to confirm a new one in a dialog of its own.
            </p>
          </div>
          <button type="submit" className="button">
            Save address
          </button>
        </form>
      )}
      <div className="check-field">
        <input
          ref={writeBackBox}
          id={`${id}-writeback`}
          type="checkbox"
          checked={settings.writeBack}
          aria-describedby={`${id}-writeback-hint`}
          onChange={(event) => void toggle(event.target.checked)}
        />
        <label htmlFor={`${id}-writeback`}>Write phase labels back to GitHub ({roundName})</label>
      </div>
      <p id={`${id}-writeback-hint`} className="field-hint">
        When on, moving a card queues one label change on its linked issue (the phase’s label set, the other phases’ removed, every other
        label kept); the next sync sends it once. A move made while it was off is not sent by switching it on.
      </p>
      {settings.writeBack && (
        <HeldMoves
          offered={offerHeld}
          onOffer={() => {
            setOfferHeld(true);
          }}
          onSettled={() => {
            setOfferHeld(false);
            writeBackBox.current?.focus();
          }}
        />
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}

/** Each pal's GitHub login, so cards can tell whether the issue's assignees are their pals. */
export function PalLogins() {
  const settings = useAppStore((s) => s.githubSettings);
  const cards = useAppStore((s) => s.board?.engagements);
  const update = useAppStore((s) => s.updateSettings);
  const id = useId();
  const pals = useMemo(() => [...new Set((cards ?? []).flatMap((c) => c.pals))].sort((a, b) => a.localeCompare(b)), [cards]);
  const [logins, setLogins] = useState<Record<string, string>>({ ...settings?.palLogins });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState(settings?.palLogins);
  if (settings && settings.palLogins !== shown) {
    setShown(settings.palLogins);
    setLogins({ ...settings.palLogins });
  }
  if (!settings) return null;

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    const failure = await update({ palLogins: logins });
    setError(failure?.message ?? null);
    setStatus(failure ? '' : 'Logins saved.');
  };
  return (
    <form className="pal-logins" aria-labelledby={`${id}-title`} onSubmit={(event) => void save(event)} noValidate>
      <h3 id={`${id}-title`} className="side-title">
        Pals on GitHub
      </h3>
      {pals.length === 0 ? (
        <p className="muted">No pals on the board yet.</p>
      ) : (
        <ul className="pal-login-list">
          {pals.map((pal, i) => (
            <li key={pal} className="field">
              <label htmlFor={`${id}-${i}`} className="field-label">
                GitHub login of {pal}
              </label>
              <input
                id={`${id}-${i}`}
                className="input"
                value={logins[pal] ?? ''}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => {
                  setLogins({ ...logins, [pal]: event.target.value });
                  setStatus('');
                  setError(null);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p role="status" className="muted">
        {status}
      </p>
      {pals.length > 0 && (
        <div className="form-actions">
          <button type="submit" className="button">
            Save logins
          </button>
        </div>
      )}
    </form>
  );
}

/** When the last sync ran, what it did, and how much of GitHub's rate limit it left. */
export function SyncFacts() {
  const last = useAppStore((s) => s.githubSettings?.lastSync ?? s.githubStatus?.lastSync ?? null);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="sync-facts">
      <h3 id={`${id}-title`} className="side-title">
        Last sync
      </h3>
      {last ? (
        <dl className="facts">
          <dt>When</dt>
          <dd>
            <time dateTime={last.at}>{formatMoment(last.at)}</time>
          </dd>
          <dt>Result</dt>
          <dd>{last.error ? `Stopped: ${last.error}` : `${last.checked} checked, ${last.updated} updated, ${last.failed} failed`}</dd>
          <dt>Rate limit left</dt>
          <dd>
            {last.rateLimit ? (
              <>
                {last.rateLimit.remaining} of {last.rateLimit.limit} (resets{' '}
                <time dateTime={last.rateLimit.reset}>{formatMoment(last.rateLimit.reset)}</time>)
              </>
            ) : (
              'not known'
            )}
          </dd>
        </dl>
      ) : (
        <p className="muted">No sync yet.</p>
      )}
    </section>
  );
}
