/** How a moment is shown to a coordinator in one line (rate-limit resets, sync times). */

/** "2026-11-27 14:05 UTC", for reset times. */
export function clockTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
