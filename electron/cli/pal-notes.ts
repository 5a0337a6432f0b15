/** Points out a pal name that is new but looks like a known pal's (a second spelling to merge). */
import { lookAlikes } from '../../shared/pals.js';
import type { Core } from '../core/open-core.js';
import { must, type CliIo } from './context.js';
import { oneLine } from './text.js';

/** Before a card names `names` as its pals: a note on stderr for each new name close to a known pal. */
export async function notePalLookAlikes(core: Core, names: readonly string[] | undefined, io: CliIo): Promise<void> {
  if (!names?.length) return;
  const known = must(await core.call('listPals', {})).map((p) => p.name);
  for (const name of names) {
    for (const other of lookAlikes(known, name)) {
      io.stderr(
        `note: "${oneLine(name.trim())}" is a new pal that looks like "${oneLine(other)}"; if they are one person: pals pal merge "${oneLine(name.trim())}" "${oneLine(other)}"\n`,
      );
    }
  }
}
