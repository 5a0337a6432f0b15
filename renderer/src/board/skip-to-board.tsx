/** "Skip to board": the page's first Tab stop, straight to the board's card (past the header, Needs attention and the toolbar). */
import type { MouseEvent } from 'react';
import { useStoreApi } from '../store/store-context.js';

/** The skip link; shown only while it has focus. On another view it opens the board first. */
export function SkipToBoard() {
  const store = useStoreApi();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault(); // no #board in the address: the view and the focus are the app's
    const s = store.getState();
    if (s.view !== 'board') s.setView('board');
    const stop = s.tabStop;
    // The card may be out of view or not rendered (a virtualized column): it renders, scrolls in and takes focus.
    if (stop) s.requestCardFocus(stop.id, stop.lane);
    else document.getElementById('board')?.focus();
  };
  return (
    <a className="skip-link" href="#board" onClick={skip}>
      Skip to board
    </a>
  );
}
