/**
 * The card dialog's "Security status" section: the value in force (the coordinator's, kept over
 * what was found), what the last check found with its evidence and links, the OpenSSF Scorecard's
 * score, date and weakest checks, when it was read, and the button that reads it again.
 */
import { useId } from 'react';
import { isHttpUrl } from '../../../shared/issue-ref.js';
import type { SecurityEvidence } from '../../../shared/intake/security-check-schema.js';
import { SECURITY_TITLES } from '../../../shared/selection.js';
import type { EngagementView } from '../../../shared/view.js';
import { formatDay, formatMoment } from '../format/dates.js';
import { useAppStore } from '../store/store-context.js';

const SOURCES: Readonly<Record<SecurityEvidence['kind'], string>> = {
  policy: 'Security policy',
  'self-assessment': 'TAG Security self-assessment',
  scorecard: 'OpenSSF Scorecard',
};

function Outside({ url, children }: { readonly url: string | null; readonly children: string }) {
  if (url === null || !isHttpUrl(url)) return <span>{children}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="link">
      {children}
    </a>
  );
}

/** The section. */
export function SecuritySection({ engagement }: { readonly engagement: EngagementView }) {
  const titleId = useId();
  const checking = useAppStore((s) => s.securityChecking.has(engagement.id));
  const check = useAppStore((s) => s.checkSecurity);
  const today = useAppStore((s) => s.board?.today);
  const found = engagement.securityCheck;
  const hand = engagement.criteria.security !== 'unknown' ? engagement.criteria.security : null;
  const inForce = hand ?? found?.found ?? 'unknown';
  return (
    <section className="side-section security-section" aria-labelledby={titleId} aria-busy={checking}>
      <div className="side-head">
        <h3 id={titleId} className="side-title">
          Security status
        </h3>
        <button
          type="button"
          className="button button--small"
          aria-disabled={checking}
          onClick={() => {
            if (!checking) void check([engagement.id]);
          }}
        >
          Check security status
        </button>
      </div>
      <p className="security-in-force">
        In force: <strong>{SECURITY_TITLES[inForce]}</strong>{' '}
        <span className="muted">
          {hand
            ? `(set by hand; the check found ${found ? SECURITY_TITLES[found.found] : 'nothing yet'})`
            : found
              ? '(found by the check)'
              : ''}
        </span>
      </p>
      {checking && <p role="status">Checking…</p>}
      {found ? (
        <>
          <p className="muted">
            Checked <time dateTime={found.checkedAt}>{formatMoment(found.checkedAt)}</time>
          </p>
          {found.error && <p className="security-error">The last check could not read everything: {found.error}</p>}
          <ul className="security-evidence" aria-label="Evidence">
            {found.evidence.map((e) => (
              <li key={e.kind}>
                <span className="security-source">
                  <Outside url={e.url}>{SOURCES[e.kind]}</Outside>
                  <span className={`tag ${e.found ? 'tag--found' : 'tag--missing'}`}>
                    {e.found ? 'Found' : e.failed ? 'Not read' : 'Not found'}
                  </span>
                </span>
                <span className="security-detail">{e.detail}</span>
              </li>
            ))}
          </ul>
          {found.scorecard && (
            <div className="security-scorecard">
              <p>
                OpenSSF Scorecard <strong>{found.scorecard.score}</strong> of 10, scanned{' '}
                <time dateTime={found.scorecard.date}>{formatDay(found.scorecard.date, today)}</time>
              </p>
              {found.scorecard.lowest.length > 0 && <p className="security-sub">Weakest checks</p>}
              {found.scorecard.lowest.length > 0 && (
                <ul className="security-checks" aria-label="Weakest Scorecard checks">
                  {found.scorecard.lowest.map((c) => (
                    <li key={c.name}>
                      <Outside url={c.url}>{c.name}</Outside> {c.score} of 10
                      {c.reason && <span className="security-detail">{c.reason}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      ) : (
        <p className="muted">
          Not checked yet. The check reads the project&apos;s SECURITY.md, a self-assessment published by TAG Security and its OpenSSF
          Scorecard (it needs the GitHub repository in the details).
        </p>
      )}
    </section>
  );
}
