/** The onboarding panels' one action each (load / remove the example round). */
import { useState } from 'react';

/** Runs `action` once at a time; on success the panel disappears, so keyboard focus goes to the board. */
export function usePanelAction(action: () => Promise<boolean>) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (busy) return;
    setBusy(true);
    const done = await action();
    setBusy(false);
    if (done) document.getElementById('board')?.focus();
  };
  return { busy, run };
}
