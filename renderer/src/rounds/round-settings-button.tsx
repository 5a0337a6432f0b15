/** "Round settings" beside the board's Round select: the round shown's windows and weights, new rounds. */
import { SettingsIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';

/** The button (opens the round dialog on the round the board shows): an icon beside the select, so the toolbar keeps to one row. */
export function RoundSettingsButton() {
  const openRoundDialog = useAppStore((s) => s.openRoundDialog);
  return (
    <button
      type="button"
      className="button button--icon rounds-open"
      aria-haspopup="dialog"
      title="Round settings"
      onClick={() => {
        openRoundDialog('settings');
      }}
    >
      <SettingsIcon />
      <span className="visually-hidden">Round settings</span>
    </button>
  );
}
