/**
 * The host-only calls (see host-api.ts): resolving a name, every whole record, backup and
 * restore. They run over the same store as the UI's calls, through the same `call`.
 */
import { open } from 'node:fs/promises';
import { parseDocText } from '../../shared/document.js';
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { viewEngagement } from '../../shared/view.js';
import type { CoreContext } from './context.js';
import type { HostHandlers } from './host-api.js';
import { writeFileDurable } from './store/durable-write.js';
import { describeFsError } from './store/fs.js';

type Local = Omit<HostHandlers, 'exportDeckTo' | 'exportAssessmentTo'>;

/** The largest backup `restore` reads: a 5,000-engagement store is ~70 MB pretty-printed. */
export const RESTORE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A backup's text, refused before it is read when it is not a regular file (a FIFO, a device
 * such as /dev/zero) or larger than `max`: a restore must never fill the memory.
 */
async function readBackup(file: string, max: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new PalsError('io', `cannot read ${file}: ${describeFsError(error)}`);
  }
  try {
    // The checks and the read go through one handle: the file cannot be swapped in between.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new PalsError('invalid-input', `${file} is not a regular file; the store was not changed`);
    if (stats.size > max) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new PalsError(
        'invalid-input',
        `${file} is ${mb(stats.size)}, more than a backup can be (${mb(max)}); the store was not changed`,
      );
    }
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof PalsError) throw error;
    throw new PalsError('io', `cannot read ${file}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

/** Builds the host-only handlers (the file exports live with the other exports). */
export function createHostHandlers(ctx: CoreContext): Local {
  return {
    resolveRef: ({ ref }) => {
      const found = findEngagement(ctx.store.doc, ref);
      return Promise.resolve({ id: found.id, name: found.name });
    },
    listEngagements: () => {
      const doc = ctx.store.doc;
      const today = ctx.today();
      return Promise.resolve(doc.engagements.map((e) => viewEngagement(doc, e, today)));
    },
    backupTo: async ({ out }) => {
      const doc = ctx.store.doc;
      try {
        await writeFileDurable(out, `${JSON.stringify(doc, null, 2)}\n`);
      } catch (error) {
        throw new PalsError('io', `cannot write ${out}: ${describeFsError(error)}`);
      }
      return { engagements: doc.engagements.length, path: out };
    },
    restoreFrom: async ({ file }) => {
      const text = await readBackup(file, ctx.restoreMaxBytes ?? RESTORE_MAX_BYTES);
      let doc;
      try {
        doc = parseDocText(text).doc;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new PalsError('invalid-input', `${file} is not a Security Pals Desk backup: ${why}; the store was not changed`);
      }
      const kept = await ctx.store.replace(doc, 'before-restore');
      return { engagements: doc.engagements.length, kept };
    },
  };
}
