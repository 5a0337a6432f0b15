/**
 * The port `pals serve` uses when none is given: the same one for the same data folder every
 * run, so the page's origin (http://127.0.0.1:PORT) stays the same across restarts. The
 * browser keeps a note's unsaved-draft journal per origin: a restart on a new port would
 * strand it. Ports 20000–29999 sit below the usual ephemeral ranges (Linux 32768+, Windows
 * and macOS 49152+), so an outgoing connection rarely holds ours.
 */

const FIRST = 20_000;
const SPAN = 10_000;

/** FNV-1a, 32-bit: a small stable hash (not for secrets). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The default port for a data folder (an absolute, resolved path). */
export function defaultServePort(dataDir: string): number {
  return FIRST + (fnv1a(dataDir) % SPAN);
}
