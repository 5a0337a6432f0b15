/** Small decorative icons drawn inline (no remote images); always hidden from assistive tech. */
import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { readonly children: ReactNode; readonly size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** Six dots: "you can drag this". */
export function GripIcon() {
  return (
    <Icon>
      {[4, 8, 12].map((y) => (
        <g key={y}>
          <circle cx="6" cy={y} r="0.9" fill="currentColor" stroke="none" />
          <circle cx="10" cy={y} r="0.9" fill="currentColor" stroke="none" />
        </g>
      ))}
    </Icon>
  );
}

/** A page with lines: notes. */
export function NoteIcon() {
  return (
    <Icon>
      <path d="M4 2.5h5.5L12 5v8.5H4z" />
      <path d="M6 8h4M6 10.5h4" />
    </Icon>
  );
}

/** An open issue circle: the GitHub tracking issue. */
export function IssueIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="5.5" />
      <circle cx="8" cy="8" r="1" fill="currentColor" stroke="none" />
    </Icon>
  );
}

/** A plus sign for "new". */
export function PlusIcon() {
  return (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  );
}

/** An ×, for close buttons. */
export function CloseIcon() {
  return (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}
