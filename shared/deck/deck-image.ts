/**
 * Images a coordinator puts on a slide are embedded (a data URI in the deck, never a URL), and
 * only when their first bytes prove they are a PNG, JPEG, GIF or WebP picture: a file named
 * .png that is really HTML or an SVG (which can carry script) is refused, as is one over 10 MB.
 */
import { PalsError } from '../errors.js';

export const DECK_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type DeckImageType = (typeof DECK_IMAGE_TYPES)[number];

/** The largest image a slide takes (the "say > 10 MB" is refused). */
export const MAX_DECK_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * All pictures of every round together: they live in `pals.json`, which each write replaces and
 * each backup copies, and a restore reads at most 256 MB.
 */
export const MAX_DECK_IMAGES_BYTES = 64 * 1024 * 1024;

const startsWith = (bytes: ArrayLike<number>, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** The image type the bytes' signature proves, or null. */
export function imageTypeOf(bytes: ArrayLike<number>): DeckImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 (standard alphabet, padding ignored) to bytes; pure, for the renderer and the core alike. */
export function fromBase64(base64: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of base64) {
    if (c === '=') break;
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error('not base64');
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The type proven by the first bytes of a base64 image (only its head is decoded), or null. */
export function sniffImage(base64: string): DeckImageType | null {
  try {
    return imageTypeOf(fromBase64(base64.slice(0, 16)));
  } catch {
    return null;
  }
}

/** How many bytes a base64 string holds. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Checks an image a coordinator offers (as base64) and answers its proven type; refuses with a
 * message that says what to do: empty, too big, or not a PNG/JPEG/GIF/WebP picture.
 */
export function checkDeckImage(base64: string, name: string): DeckImageType {
  const label = name ? `"${name}"` : 'the file';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new PalsError('invalid-input', `${label} did not arrive as base64`, 'image');
  const bytes = base64Bytes(base64);
  if (bytes === 0) throw new PalsError('invalid-input', `${label} is empty: choose a PNG, JPEG, GIF or WebP picture`, 'image');
  if (bytes > MAX_DECK_IMAGE_BYTES) {
    throw new PalsError(
      'invalid-input',
      `${label} is ${megabytes(bytes)}; a slide image may be at most ${megabytes(MAX_DECK_IMAGE_BYTES)}: make it smaller (a 1280×720 picture is plenty)`,
      'image',
    );
  }
  const type = sniffImage(base64);
  if (!type) {
    throw new PalsError(
      'invalid-input',
      `${label} is not a PNG, JPEG, GIF or WebP picture (its first bytes say so, whatever its name); SVG and other files are refused`,
      'image',
    );
  }
  return type;
}

/** The image as a data URI: the only way a picture gets into a deck. */
export function imageDataUri(image: { readonly mime: string; readonly base64: string }): string {
  return `data:${image.mime};base64,${image.base64}`;
}
