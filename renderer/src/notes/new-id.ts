/** Random ids made in the renderer (action items, new-note journal keys), in the contract's id format. */

/** A random lowercase hex-and-dash id (randomUUID needs a secure context; getRandomValues does not). */
export function randomId(prefix: string): string {
  if (typeof crypto.randomUUID === 'function') return `${prefix}-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
