/** Random ids made in the renderer (action items, new-note journal keys), in the core's id format. */
import { ID_BYTES, idFromBytes } from '../../../shared/ids.js';

/** An id like the core's (`pals action` prints the same shape); getRandomValues works outside a secure context too. */
export function randomId(): string {
  return idFromBytes(crypto.getRandomValues(new Uint8Array(ID_BYTES)));
}
