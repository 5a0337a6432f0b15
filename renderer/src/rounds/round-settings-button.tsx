/** "Round settings" beside the board's Round select: the round shown's windows and weights, new rounds. */
import { useAppStore } from '../store/store-context.js';

/** The button (opens the round dialog on the round the board shows). */
export function RoundSettingsButton() {
  const openRoundDialog = useAppStore((s) => s.openRoundDialog);
  return (
    <button
      type="button"
      className="button rounds-open"
      onClick={() => {
        openRoundDialog('settings');
      }}
    >
      Round settings
    </button>
  );
}
