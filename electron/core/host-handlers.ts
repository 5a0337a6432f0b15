/**
 * The host-only calls (see host-api.ts): resolving a name, every whole record, backup and
 * restore. They run over the same store as the UI's calls, through the same `call`.
 */
import { readFile } from 'node:fs/promises';
import { parseDocText } from '../../shared/document.js';
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { viewEngagement } from '../../shared/view.js';
import type { CoreContext } from './context.js';
import type { HostHandlers } from './host-api.js';
import { writeFileDurable } from './store/durable-write.js';
import { describeFsError } from './store/fs.js';

type Local = Omit<HostHandlers, 'exportDeckTo' | 'exportAssessmentTo'>;

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
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new PalsError('io', `cannot read ${file}: ${describeFsError(error)}`);
      }
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
