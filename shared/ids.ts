/** The one format of record ids, wherever they are made (core, CLI or the note editor). */

/** 32 lowercase letters and digits without the look-alikes l, o, 0 and 1: easy to read aloud and type. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** How many random bytes an id takes (one character each: 40 bits). */
export const ID_BYTES = 8;

/** An id from `ID_BYTES` random bytes (the caller brings the randomness: node:crypto or getRandomValues). */
export function idFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < ID_BYTES) throw new RangeError(`an id needs ${ID_BYTES} random bytes`);
  let id = '';
  for (let i = 0; i < ID_BYTES; i++) id += ALPHABET.charAt(bytes[i]! % ALPHABET.length);
  return id;
}
