/**
 * The card's icons, each one <svg> with one <path>: a card is repeated on every row of the
 * board, so each element saved here is saved on every card in view (the DOM budget).
 */
function CardIcon({ d, filled = false }: { readonly d: string; readonly filled?: boolean }) {
  return (
    <svg
      className="icon"
      width={16}
      height={16}
      viewBox="0 0 16 16"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

const dot = (x: number, y: number) => `M${String(x - 0.9)} ${String(y)}a.9.9 0 1 0 1.8 0a.9.9 0 1 0-1.8 0`;
const GRIP = [4, 8, 12].flatMap((y) => [dot(6, y), dot(10, y)]).join('');

/** Six dots: "you can drag this". */
export function GripIcon() {
  return <CardIcon d={GRIP} filled />;
}

/** A page with lines: notes. */
export function NoteIcon() {
  return <CardIcon d="M4 2.5h5.5L12 5v8.5H4zM6 8h4M6 10.5h4" />;
}

/** An issue circle with its dot: the GitHub tracking issue. */
export function IssueIcon() {
  return <CardIcon d="M2.5 8a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0M7.5 8a.5.5 0 1 0 1 0a.5.5 0 1 0-1 0" />;
}
