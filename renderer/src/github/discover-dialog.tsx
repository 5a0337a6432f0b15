/**
 * "Find engagements on GitHub": open issues of a repository carrying the given labels, and its
 * open "- Security Pals" pull requests, each marked when a card already links it or is named like
 * it without a link; the chosen ones link that card, or become Intake cards named from their
 * titles without tags. Titles are GitHub's text: shown as text.
 */
import { useId, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { DiscoveredIssue } from '../../../shared/github/issue.js';
import { Modal } from '../dialog/modal.js';
import { useAppStore } from '../store/store-context.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The dialog. */
export function DiscoverDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const discover = useAppStore((s) => s.discoverIssues);
  const addDiscovered = useAppStore((s) => s.addDiscovered);
  const announce = useAppStore((s) => s.announce);
  const cards = useAppStore((s) => s.board?.engagements);
  const names = useMemo(() => new Map((cards ?? []).map((c) => [c.id, c.name])), [cards]);
  const titleId = useId();
  const [repo, setRepo] = useState('cncf/tag-security');
  const [labels, setLabels] = useState('security-pals');
  const [found, setFound] = useState<readonly DiscoveredIssue[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const results = useRef<HTMLFieldSetElement>(null);

  const search = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus('Searching GitHub…');
    const wanted = labels
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const res = await discover(repo.trim(), wanted);
    setBusy(false);
    if (!res.ok) {
      setStatus('');
      setError(res.error.message);
      return;
    }
    setFound(res.value);
    setChosen(new Set());
    const fresh = res.value.filter((d) => !d.known).length;
    const matched = res.value.filter((d) => !d.known && d.match).length;
    const named = matched > 0 ? `, ${matched} named like a card that is not linked yet` : '';
    setStatus(`Found ${plural(res.value.length, 'issue or PR', 'issues or PRs')}; ${fresh} not on the board yet${named}.`);
  };

  const add = async () => {
    if (!found || busy || chosen.size === 0) return;
    setBusy(true);
    setError(null);
    const picked = found.filter((d) => chosen.has(d.issue));
    const res = await addDiscovered(picked);
    setBusy(false);
    if (!res.ok) {
      setError(`Nothing added: ${res.error.message}`);
      return;
    }
    const { added, linked } = res.value;
    // Each card now links what it was taken on for: as its issue, or (a PR) as its PR.
    const ids = new Map(
      [...added, ...linked].flatMap((e) => [e.github?.issue, e.pr?.pr].flatMap((r) => (r ? [[r.toLowerCase(), e.id] as const] : []))),
    );
    setFound(
      found.map((d) => {
        const known = d.known ?? ids.get(d.issue.toLowerCase()) ?? null;
        return { ...d, known, match: known ? null : d.match };
      }),
    );
    setChosen(new Set());
    const picks = new Set(picked.map((d) => d.issue.toLowerCase()));
    const linkedTo = linked.map(
      (e) => `${e.name} to ${[e.github?.issue, e.pr?.pr].find((r) => r && picks.has(r.toLowerCase())) ?? 'its issue'}`,
    );
    const skipped = res.value.skipped.map((s) => `${s.issue}: ${s.reason}`).join('; ');
    const done = [
      added.length > 0 || linked.length === 0 ? `Added ${plural(added.length, 'engagement')} to Intake.` : '',
      linkedTo.length > 0 ? `Linked ${linkedTo.join(', ')}.` : '',
      skipped ? `Skipped ${skipped}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    setStatus(done);
    announce(done);
    results.current?.focus();
  };

  return (
    <Modal labelledBy={titleId} onClose={close} size="wide">
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          Find engagements on GitHub
        </h2>
      </header>
      <div className="dialog-body discover">
        <form className="discover-form" onSubmit={(event) => void search(event)} noValidate>
          <div className="field">
            <label htmlFor={`${titleId}-repo`} className="field-label">
              Repository
            </label>
            <input
              id={`${titleId}-repo`}
              className="input"
              value={repo}
              spellCheck={false}
              onChange={(event) => {
                setRepo(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${titleId}-labels`} className="field-label">
              Labels
            </label>
            <input
              id={`${titleId}-labels`}
              className="input"
              value={labels}
              spellCheck={false}
              aria-describedby={`${titleId}-labels-hint`}
              onChange={(event) => {
                setLabels(event.target.value);
              }}
            />
            <p id={`${titleId}-labels-hint`} className="field-hint">
              Issues with any of these (comma-separated); open PRs titled “… - Security Pals” are always looked for.
            </p>
          </div>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            Search
          </button>
        </form>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p role="status" className="discover-status">
          {status}
        </p>
        {found && found.length > 0 && (
          <fieldset ref={results} className="discover-results" tabIndex={-1}>
            <legend>Found on GitHub</legend>
            <ul className="discover-list">
              {found.map((d) => {
                const boxId = `${titleId}-${d.issue.replace(/[^A-Za-z0-9]/g, '-')}`;
                return (
                  <li key={d.issue} className="discover-item">
                    <input
                      id={boxId}
                      type="checkbox"
                      disabled={d.known !== null}
                      checked={d.known !== null || chosen.has(d.issue)}
                      aria-describedby={`${boxId}-what`}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(d.issue);
                        else next.delete(d.issue);
                        setChosen(next);
                      }}
                    />
                    <label htmlFor={boxId} dir="auto" className="discover-title">
                      {d.title}
                    </label>
                    <p id={`${boxId}-what`} className="muted discover-what">
                      {d.kind === 'pull' ? 'PR' : 'Issue'} {d.issue}
                      {d.labels.length > 0 && <> · {d.labels.join(', ')}</>} ·{' '}
                      {d.known
                        ? `on the board as ${names.get(d.known) ?? d.known}`
                        : d.match
                          ? `on the board as ${names.get(d.match) ?? d.match}, not linked yet: adding links it`
                          : `new card: ${d.suggestedName}`}
                    </p>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
      </div>
      <footer className="dialog-foot">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy || chosen.size === 0 || undefined}
          onClick={() => void add()}
        >
          Add selected ({chosen.size})
        </button>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}
