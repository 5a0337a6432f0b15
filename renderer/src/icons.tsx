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

/** Sliders, for a settings button. */
export function SettingsIcon() {
  return (
    <Icon>
      <path d="M2 4h7M12 4h2M2 8h2M7 8h7M2 12h9M14 12h0" />
      <circle cx="10.5" cy="4" r="1.5" />
      <circle cx="5.5" cy="8" r="1.5" />
      <circle cx="12.5" cy="12" r="1.5" />
    </Icon>
  );
}

/** Two people, for the pals. */
export function PeopleIcon() {
  return (
    <Icon>
      <circle cx="6" cy="5" r="2.25" />
      <path d="M1.75 13.5c.4-2.4 2.1-4 4.25-4s3.85 1.6 4.25 4" />
      <path d="M10.5 3a2.25 2.25 0 0 1 0 4.25M11.75 9.75c1.3.5 2.2 1.8 2.5 3.75" />
    </Icon>
  );
}

/** An archive box, for backup and restore. */
export function ArchiveIcon() {
  return (
    <Icon>
      <rect x="2" y="2.5" width="12" height="3.5" rx="1" />
      <path d="M3 6v6.5a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V6M6.5 9h3" />
    </Icon>
  );
}

/** Two windows, one over the other, for opening another window. */
export function WindowsIcon() {
  return (
    <Icon>
      <rect x="2" y="5.5" width="9" height="8" rx="1" />
      <path d="M5 5.5v-2a1 1 0 0 1 1-1h7a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2" />
    </Icon>
  );
}

/** A downward chevron, for a button that opens a menu. */
export function ChevronDownIcon() {
  return (
    <Icon size={12}>
      <path d="M4 6l4 4 4-4" />
    </Icon>
  );
}

/** Two arrows in a circle, for "read again". */
export function RefreshIcon() {
  return (
    <Icon>
      <path d="M13 8a5 5 0 0 1-8.5 3.5M3 8a5 5 0 0 1 8.5-3.5" />
      <path d="M11.5 1.5v3h-3M4.5 14.5v-3h3" />
    </Icon>
  );
}
