/**
 * `pals due [--json] [--within DAYS]`: what needs attention — phase windows and open action items
 * due within DAYS (default: the due-soon setting) or overdue, overdue first. The same digest as
 * the board's "Needs attention" region (the core's `needsAttention`).
 */
import type { AttentionItem } from '../../shared/attention.js';
import { must, type Command } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';
import { UsageError } from './usage.js';

/** `--within`: a whole number of days, 0 to 365. */
function withinDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,3}$/.test(text.trim()) || Number(text) > 365) {
    throw new UsageError(`--within: must be a whole number of days from 0 to 365 (got "${text}")`);
  }
  return Number(text);
}

const STATE_WORDS = { overdue: 'OVERDUE', 'due-soon': 'due soon' } as const;

/** One line per item: state, day, project, what (an action item's owner and id after it). */
export function formatAttention(items: readonly AttentionItem[], within: number, today: string): string {
  const days = within === 1 ? '1 day' : `${within} days`;
  if (items.length === 0) return `Nothing overdue, and nothing due within ${days} of ${today}.\n`;
  const lines = items.map((i) => {
    const extra = i.kind === 'action' ? `${i.owner ? ` (owner ${oneLine(i.owner)})` : ''} [${i.actionId ?? ''}]` : '';
    return `${fit(STATE_WORDS[i.state], 9)} ${i.due}  ${fit(oneLine(i.engagement), 24)} ${oneLine(i.what)}${extra}`;
  });
  return `Needs attention on ${today} (overdue, or due within ${days}):\n${lines.join('\n')}\n`;
}

/** Runs the command. */
export const due: Command = async (argv, ctx) => {
  const { values } = parse('due', argv, { json: { type: 'boolean' }, within: { type: 'string' } }, [0, 0]);
  const within = withinDays(values.within);
  const digest = must(await (await ctx.core()).call('needsAttention', within === undefined ? {} : { within }));
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(digest.items, null, 2)}\n`);
    return;
  }
  await prepareWidths(digest.items.map((i) => i.engagement));
  ctx.io.stdout(formatAttention(digest.items, digest.within, digest.today));
};
