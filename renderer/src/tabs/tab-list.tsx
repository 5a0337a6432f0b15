/**
 * Tabs as WAI-ARIA describes them: one tab stop, arrow keys (and Home/End) move and select,
 * each tab controls the panel rendered with `tabPanelProps`.
 */
import type { KeyboardEvent, ReactNode } from 'react';

/** One tab: its key, and what it shows (its accessible name). */
export interface TabSpec<K extends string> {
  readonly id: K;
  readonly label: ReactNode;
  /** e.g. "Control+1 Meta+1" (aria-keyshortcuts). */
  readonly shortcut?: string;
  /** A tooltip, e.g. the shortcut as people write it. */
  readonly title?: string;
}

const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/** The tab row; `prefix` must be unique on the page (from useId). */
export function TabList<K extends string>(props: {
  readonly prefix: string;
  readonly label: string;
  readonly tabs: readonly TabSpec<K>[];
  readonly selected: K;
  readonly onSelect: (id: K) => void;
  readonly className?: string;
}) {
  const { prefix, label, tabs, selected, onSelect, className } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const next = tabs[to];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabId(prefix, next.id))?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={`tabs ${className ?? ''}`} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={tabId(prefix, t.id)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={t.id === selected}
          aria-controls={panelId(prefix, t.id)}
          aria-keyshortcuts={t.shortcut}
          title={t.title}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => {
            onSelect(t.id);
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** The attributes of the panel a tab controls (hidden unless its tab is selected). */
export function tabPanelProps(prefix: string, id: string, selected: boolean) {
  return { role: 'tabpanel', id: panelId(prefix, id), 'aria-labelledby': tabId(prefix, id), hidden: !selected } as const;
}
