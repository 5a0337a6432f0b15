/**
 * `pals action`: an action item on its own, with an owner and a due date, and ticking one off by
 * its id (`pals action done ID`; `undone` ticks it back on).
 */
import { NewActionInputSchema } from '../../shared/inputs.js';
import { idOf, must, type Command } from './context.js';
import { parse, validate } from './parse.js';
import { oneLine } from './text.js';
import { UsageError } from './usage.js';

const OPTIONS = { text: { type: 'string' }, owner: { type: 'string' }, due: { type: 'string' } } as const;

/** `action REF --text TEXT [--owner NAME] [--due YYYY-MM-DD]` (prints the id) | `action done|undone ID`. */
export const action: Command = async (argv, ctx) => {
  const { values, positionals } = parse('action', argv, OPTIONS, [1, 2]);
  const [first, second] = positionals as [string, string | undefined];
  if (second !== undefined) {
    if (first !== 'done' && first !== 'undone') throw new UsageError(`action: unexpected argument "${second}"`);
    if (values.text !== undefined || values.owner !== undefined || values.due !== undefined) {
      throw new UsageError(`action ${first}: takes only the action item's id`);
    }
    const done = first === 'done';
    const item = must(await (await ctx.core()).call('setActionDoneById', { actionId: second, done }));
    ctx.io.stdout(`${item.action.id} ${done ? 'done' : 'open'}\n`);
    return;
  }
  if (values.text === undefined) {
    throw new UsageError(
      first === 'done' || first === 'undone' ? `action ${first}: give the action item's id` : 'action: --text TEXT is required',
    );
  }
  const input = validate(NewActionInputSchema, {
    text: values.text,
    owner: values.owner?.trim() ? values.owner : null,
    due: values.due?.trim() ? values.due.trim() : null,
  });
  const core = await ctx.core();
  const added = must(await core.call('addAction', { id: await idOf(core, first), ...input }));
  if (added.ownerIsPal === false) {
    ctx.io.stderr(
      `note: ${oneLine(input.owner!.trim())} is not a pal on any engagement (fine for a contact; the Action items view marks it)\n`,
    );
  }
  ctx.io.stdout(`${added.actionId}\n`);
};
