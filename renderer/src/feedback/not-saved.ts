/** "Not saved: <why>" (the UI contract's words), once: the core's own message may already begin "not saved:". */
export function notSavedText(why: string): string {
  return `Not saved: ${why.replace(/^not saved:\s*/i, '')}`;
}
