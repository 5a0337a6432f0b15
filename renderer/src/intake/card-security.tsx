/** An Intake card's security line: what is in force (found, or set by hand) as a compact badge, and the button that reads it again. */
import type { CardView } from '../../../shared/view.js';
import { RefreshIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';
import { securityWords } from './security-words.js';

/** The line; `describedBy` is the card's name, so the button has its context; `tabIndex` -1 unless the card is the board's tab stop. */
export function CardSecurityLine(props: { readonly card: CardView; readonly describedBy: string; readonly tabIndex?: number }) {
  const { card, describedBy, tabIndex } = props;
  const checking = useAppStore((s) => s.securityChecking.has(card.id));
  const check = useAppStore((s) => s.checkSecurity);
  const today = useAppStore((s) => s.board?.today);
  const words = securityWords(card.criteria.security, card.securityCheck, today);
  const status = card.criteria.security !== 'unknown' ? card.criteria.security : (card.securityCheck?.found ?? 'unchecked');
  return (
    <div className="card-security">
      <span className="card-security-label" aria-hidden="true">
        Security
      </span>
      <span className={`badge badge--security badge--security-${status}`} title={words.long}>
        <span className="visually-hidden">Security status: </span>
        {checking ? 'Checking…' : words.badge}
        {card.securityCheck?.error && !checking ? <span aria-hidden="true"> !</span> : null}
      </span>
      <button
        type="button"
        className="icon-button card-check"
        aria-label="Check security status"
        tabIndex={tabIndex}
        aria-describedby={describedBy}
        aria-disabled={checking}
        title="Check security status: read its SECURITY.md, a TAG Security self-assessment and its OpenSSF Scorecard"
        onClick={() => {
          if (!checking) void check([card.id]);
        }}
      >
        <RefreshIcon />
      </button>
    </div>
  );
}
