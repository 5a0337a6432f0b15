/** New record ids. */
import { randomBytes } from 'node:crypto';

/** A short random id (8 of 32 unambiguous lowercase letters and digits: 40 bits), easy to type. */
export function newId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
