/** New record ids. */
import { randomBytes } from 'node:crypto';
import { ID_BYTES, idFromBytes } from '../../shared/ids.js';

/** A short random id (8 of 32 unambiguous lowercase letters and digits: 40 bits), easy to type. */
export function newId(): string {
  return idFromBytes(randomBytes(ID_BYTES));
}
