/** A header icon button that opens one of the panel dialogs; its label is its tooltip and its accessible name. */
import type { ReactNode } from 'react';
import type { PanelDialog } from '../store/ui-slice.js';
import { useAppStore } from '../store/store-context.js';

export function PanelButton(props: { readonly panel: PanelDialog; readonly label: string; readonly icon: ReactNode }) {
  const { panel, label, icon } = props;
  const openPanel = useAppStore((s) => s.openPanel);
  return (
    <button
      type="button"
      className="button button--small button--quiet button--icon"
      title={label}
      onClick={() => {
        openPanel(panel);
      }}
    >
      {icon}
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
