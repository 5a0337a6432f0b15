/** The Intake column's "Check all": reads the security status of every Intake card shown (as filtered). */
import type { CardView } from '../../../shared/view.js';
import { useAppStore } from '../store/store-context.js';

/** The button; nothing when the column has no card to check. */
export function CheckAllButton({ cards }: { readonly cards: readonly CardView[] }) {
  const check = useAppStore((s) => s.checkSecurity);
  const busy = useAppStore((s) => cards.some((c) => s.securityChecking.has(c.id)));
  if (cards.length === 0) return null;
  return (
    <button
      type="button"
      className="button button--quiet button--small column-check"
      aria-label="Check all Intake cards' security status"
      aria-disabled={busy}
      title="Read the security status of every Intake card shown: SECURITY.md, a TAG Security self-assessment, the OpenSSF Scorecard"
      onClick={() => {
        if (!busy) void check(cards.map((c) => c.id));
      }}
    >
      Check all
    </button>
  );
}
