/** While example engagements are on the board, say so and offer to remove them in one action. */
import { useAppStore } from '../store/store-context.js';
import { usePanelAction } from './use-panel-action.js';

/** The "Example round loaded" banner. */
export function ExampleBanner() {
  const removeExample = useAppStore((s) => s.removeExample);
  const { busy, run: remove } = usePanelAction(removeExample);

  return (
    <section className="banner" aria-labelledby="example-banner-title">
      <p>
        <strong id="example-banner-title">Example round loaded</strong>
        <span className="banner-text">
          {' '}
          The cards tagged Example come from the pilot round; your own engagements are not touched when you remove them.
        </span>
      </p>
      <button type="button" className="button" onClick={() => void remove()} aria-disabled={busy}>
        Remove example round
      </button>
    </section>
  );
}
