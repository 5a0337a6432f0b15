/**
 * Settings → GitHub: the token (set, test, forget; who it is and its scopes), the API address,
 * write-back for the round, the label → phase rules, each pal's login, and the last sync with
 * the rate limit left. Opened by the header's "GitHub settings".
 */
import { useEffect, useId } from 'react';
import { Modal } from '../dialog/modal.js';
import { useAppStore } from '../store/store-context.js';
import { ConnectionOptions, PalLogins, SyncFacts } from './github-options.js';
import { LabelRulesTable } from './label-rules-table.js';
import { TokenForm } from './token-form.js';

/** The dialog. */
export function GithubSettingsDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const load = useAppStore((s) => s.loadGithubSettings);
  const openPanel = useAppStore((s) => s.openPanel);
  const titleId = useId();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Modal labelledBy={titleId} onClose={close} size="wide">
      <header className="dialog-head">
        <h2 id={titleId} className="dialog-title">
          GitHub settings
        </h2>
      </header>
      <div className="dialog-body github-settings">
        <div className="github-settings-column">
          <TokenForm />
          <ConnectionOptions />
          <SyncFacts />
        </div>
        <div className="github-settings-column">
          <LabelRulesTable />
          <PalLogins />
        </div>
      </div>
      <footer className="dialog-foot">
        <button
          type="button"
          className="button"
          onClick={() => {
            openPanel('discover');
          }}
        >
          Find engagements on GitHub…
        </button>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </footer>
    </Modal>
  );
}
