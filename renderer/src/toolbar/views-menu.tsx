/**
 * "Views": a menu button (WAI-ARIA menu button pattern) listing the saved views, and the dialog
 * to save the current one or delete one.
 */
import type { SavedView } from '../../../shared/schema.js';
import { useMenuButton } from '../forms/use-menu-button.js';
import { ChevronDownIcon } from '../icons.js';
import { useAppStore } from '../store/store-context.js';

const NO_VIEWS: readonly SavedView[] = [];

interface Item {
  readonly key: string;
  readonly label: string;
  readonly run: () => void;
}

/** The button and its menu. */
export function ViewsMenu() {
  const saved = useAppStore((s) => s.board?.settings.views.saved ?? NO_VIEWS);
  const applyView = useAppStore((s) => s.applyView);
  const openPanel = useAppStore((s) => s.openPanel);
  const announce = useAppStore((s) => s.announce);
  const { open, buttonProps, menuProps, closeToButton } = useMenuButton({
    initialPlace: { top: 0, right: 0 },
    // Right-aligned under the button (which sits at the toolbar's right end), so a long view name grows it leftwards.
    placeFor: (button) => {
      const r = button.getBoundingClientRect();
      return { top: r.bottom + 4, right: Math.max(8, window.innerWidth - r.right) };
    },
  });

  const items: Item[] = [
    ...saved.map((v) => ({
      key: `view:${v.name}`,
      label: v.name,
      run: () => {
        applyView(v);
        announce(`Showing the view ${v.name}.`);
      },
    })),
    {
      key: 'save',
      label: 'Save current view as…',
      run: () => {
        openPanel('views');
      },
    },
    ...(saved.length
      ? [
          {
            key: 'delete',
            label: 'Delete a saved view…',
            run: () => {
              openPanel('views');
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <button {...buttonProps} className="button">
        Views
        <ChevronDownIcon />
      </button>
      {/* In the toolbar (a fixed box, not clipped by it), so it sits in the page's regions and Tab order. */}
      {open && (
        <ul {...menuProps} className="menu menu--views">
          {items.map((item, i) => (
            <li key={item.key} role="none" className={item.key === 'save' && i > 0 ? 'menu-separated' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => {
                  closeToButton();
                  item.run();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
