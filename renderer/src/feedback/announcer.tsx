/** A polite live region for results that have no visible message of their own. */
import { useAppStore } from '../store/store-context.js';

/** Reads out the store's latest announcement. */
export function Announcer() {
  const text = useAppStore((s) => s.announcement);
  return (
    <p role="status" className="visually-hidden">
      {text}
    </p>
  );
}
