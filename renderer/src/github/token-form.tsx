/**
 * The GitHub token: a password field with Save / Test / Forget. The renderer never sees a stored token,
 * only who it belongs to and its scopes. Where the OS has no secret store the core refuses with
 * field `allowInsecure` until the pal chooses "Store anyway"; under `pals serve` the token comes
 * from $GITHUB_TOKEN and the core says so.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import type { ApiFailure } from '../../../shared/api.js';
import { useAppStore } from '../store/store-context.js';

/** The token form (inside the header's "GitHub settings" panel). */
export function TokenForm() {
  const status = useAppStore((s) => s.githubStatus);
  const setToken = useAppStore((s) => s.setGithubToken);
  const clearToken = useAppStore((s) => s.clearGithubToken);
  const testToken = useAppStore((s) => s.testGithubToken);
  const [tested, setTested] = useState<string | null>(null);
  const [token, setTokenText] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const insecureAsk = failure?.field === 'allowInsecure';

  const save = async (allowInsecure: boolean) => {
    setBusy(true);
    const error = await setToken(token, allowInsecure);
    setBusy(false);
    setFailure(error);
    if (!error) setTokenText('');
  };
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void save(false);
  };
  const remove = async () => {
    setBusy(true);
    setFailure(await clearToken());
    setBusy(false);
  };
  const test = async () => {
    setBusy(true);
    setTested(null);
    const error = await testToken();
    setBusy(false);
    setFailure(error);
    if (!error) setTested('GitHub accepts the token.');
  };

  return (
    <form className="token-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="side-title">
        Token
      </h3>
      {status?.tokenSet && status.login === null ? (
        <p className="token-who">A token is set; Test asks GitHub whose it is and what it may do.</p>
      ) : status?.tokenSet ? (
        <p className="token-who">
          Signed in as <strong>{status.login ?? 'an unknown account'}</strong>
          {status.scopes.length > 0 && <> · scopes: {status.scopes.join(', ')}</>}
        </p>
      ) : (
        <p className="muted">No token set: syncing linked issues needs one.</p>
      )}
      {status?.tokenSet && status.insecure && (
        <p className="token-warning">This computer has no secret store: the token is only obfuscated on disk.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-token`} className="field-label">
          GitHub token
        </label>
        <input
          id={`${id}-token`}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-invalid={failure && !insecureAsk ? true : undefined}
          aria-describedby={failure ? `${id}-error` : undefined}
          onChange={(event) => {
            setTokenText(event.target.value);
            setFailure(null);
            setTested(null);
          }}
        />
      </div>
      {failure && (
        <p id={`${id}-error`} role="alert" className={insecureAsk ? 'token-warning' : 'form-error'}>
          {failure.message}
        </p>
      )}
      <p role="status" className="token-tested">
        {tested}
      </p>
      <div className="form-actions">
        {insecureAsk ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void save(true)}>
            Store anyway
          </button>
        ) : (
          <button type="submit" className="button button--primary" disabled={busy || token.trim() === ''}>
            Save
          </button>
        )}
        {status?.tokenSet && (
          <button type="button" className="button" disabled={busy} onClick={() => void test()}>
            Test
          </button>
        )}
        {status?.tokenSet && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void remove()}>
            Forget
          </button>
        )}
      </div>
    </form>
  );
}
