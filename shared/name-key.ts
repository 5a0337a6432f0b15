/** How names are compared everywhere (cards, pals, filters, owners): ignoring case and spacing. */

/** The comparison key of a name: NFC, trimmed, inner spaces squeezed, lowercase. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
