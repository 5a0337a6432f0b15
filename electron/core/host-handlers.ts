/**
 * The host-only calls (see host-api.ts): resolving a name, every whole record, backup and
 * restore. They run over the same store as the UI's calls, through the same `call`.
 */
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { keepApiAddress } from '../../shared/settings-update.js';
import { viewEngagement } from '../../shared/view.js';
import { findView, inView } from '../../shared/views.js';
import { backupText, loadBackup } from './backup-file.js';
import type { CoreContext } from './context.js';
import type { HostHandlers } from './host-api.js';
import { writeExport } from './export/deliver.js';
import { writeFileDurable } from './lib/durable-write.js';
import { describeFsError } from './lib/fs.js';

type Local = Omit<HostHandlers, 'exportDeckTo' | 'exportAssessmentTo'>;

/** Builds the host-only handlers (the file exports live with the other exports). */
export function createHostHandlers(ctx: CoreContext): Local {
  return {
    resolveRef: ({ ref }) => {
      const found = findEngagement(ctx.store.doc, ref);
      return Promise.resolve({ id: found.id, name: found.name });
    },
    listEngagements: ({ view }) => {
      const doc = ctx.store.doc;
      const today = ctx.today();
      const all = doc.engagements.map((e) => viewEngagement(doc, e, today));
      return Promise.resolve(view === undefined ? all : all.filter(inView(findView(doc, view), doc.settings.currentRound)));
    },
    backupTo: async ({ out }) => {
      const doc = ctx.store.doc;
      try {
        await writeFileDurable(out, backupText(doc));
      } catch (error) {
        throw new PalsError('io', `cannot write ${out}: ${describeFsError(error)}`);
      }
      return { engagements: doc.engagements.length, path: out };
    },
    exportIcsTo: async ({ pal, out }) => {
      const { buildCalendar } = await import('../../shared/ics.js');
      const { text, eventCount } = buildCalendar(ctx.store.doc, ctx.today(), { pal, now: (ctx.now?.() ?? new Date()).toISOString() });
      if (out === null) return { kind: 'text', text, eventCount };
      await writeExport(out, text);
      return { kind: 'written', path: out, eventCount };
    },
    restoreFrom: async ({ file }) => {
      const doc = await loadBackup(file, ctx.restoreMaxBytes);
      // This machine's API address stays: a backup does not decide where the GitHub token goes.
      const kept = await ctx.store.replace(keepApiAddress(doc, ctx.store.doc), 'before-restore');
      return { engagements: doc.engagements.length, kept };
    },
  };
}
