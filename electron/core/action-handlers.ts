/**
 * The coordinator's week, core side: action items added and ticked off on their own (`pals
 * action`), each pal's load (`pals load`, the swimlanes) and the calendar export ("Export
 * calendar…"; the command line's `exportIcsTo` is a host call).
 */
import { addAction, setActionDoneById } from '../../shared/actions.js';
import { palLoad } from '../../shared/load.js';
import { openActionViews } from '../../shared/view.js';
import type { CoreContext, Handlers } from './context.js';
import { deliverExport } from './export/deliver.js';
import { newId } from './ids.js';

type ActionCall = 'addAction' | 'setActionDoneById' | 'palLoad' | 'exportCalendar';

/** A file name for a pal's calendar ("Ana María" → "security-pals-ana-mar-a.ics"). */
function calendarFile(pal: string | null | undefined): string {
  const slug = (pal ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug ? `security-pals-${slug}.ics` : 'security-pals.ics';
}

/** Builds the handlers of the calls above over one store. */
export function createActionHandlers(ctx: CoreContext): Pick<Handlers, ActionCall> {
  const now = () => ctx.now?.() ?? new Date();
  return {
    addAction: ({ id, text, owner, due }) => {
      const stamp = { actionId: newId(), noteId: newId(), at: now().toISOString(), today: ctx.today() };
      return ctx.store.update((doc) => addAction(doc, id, { text, owner, due }, stamp));
    },
    setActionDoneById: async ({ actionId, done }) => {
      const item = await ctx.store.update((doc) => setActionDoneById(doc, actionId, done, now().toISOString()));
      return openActionViews(ctx.store.doc, [item], ctx.today())[0]!;
    },
    palLoad: () => Promise.resolve(palLoad(ctx.store.doc, ctx.today())),
    exportCalendar: async ({ pal }) => {
      const { buildCalendar } = await import('../../shared/ics.js');
      const { text } = buildCalendar(ctx.store.doc, ctx.today(), { pal, now: now().toISOString() });
      return deliverExport(ctx.exportPlatform, calendarFile(pal), 'text/calendar', text);
    },
  };
}
