/**
 * `pals conflicts [--json]` and `pals resolve REF --keep-mine|--take-github`: the cards whose
 * phase GitHub's labels disagree with (both moved since the last sync), and settling one the way
 * the card dialog's "Keep mine" / "Take GitHub" do, through the same core calls.
 */
import { conflictsOf, type ConflictEntry } from '../../shared/github/conflict.js';
import { PHASE_TITLES } from '../../shared/phases.js';
import { PalsError } from '../../shared/errors.js';
import { idOf, must, type Command } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths, width } from './text.js';
import { UsageError } from './usage.js';

const day = (iso: string) => iso.slice(0, 10);

/** One card a line: the card, what it is in, what GitHub says, since when; then how to settle each. */
export function formatConflicts(rows: readonly ConflictEntry[]): string {
  if (rows.length === 0) return 'No conflicts with GitHub.\n';
  const names = rows.map((r) => oneLine(r.name));
  const nameWidth = Math.min(32, Math.max(4, ...names.map(width)));
  const lines = rows.map(
    (r, i) =>
      `  ${fit(names[i]!, nameWidth)}  card in ${PHASE_TITLES[r.local]}, GitHub says ${PHASE_TITLES[r.remote]} (since ${day(r.since)})  ${r.ref}`,
  );
  const head = `${rows.length} ${rows.length === 1 ? 'card is' : 'cards are'} in conflict with GitHub:`;
  const how = 'Settle one with: pals resolve REF --keep-mine (GitHub gets the card’s phase) or --take-github (the card moves)';
  return `${[head, ...lines, how].join('\n')}\n`;
}

export const conflicts: Command = async (argv, ctx) => {
  const { values } = parse('conflicts', argv, { json: { type: 'boolean' } }, [0, 0]);
  const board = must(await (await ctx.core()).call('getBoard', {}));
  const rows = conflictsOf(board.engagements);
  if (values.json) {
    ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  await prepareWidths(rows.map((r) => r.name));
  ctx.io.stdout(formatConflicts(rows));
};

export const resolve: Command = async (argv, ctx) => {
  const { values, positionals } = parse('resolve', argv, { 'keep-mine': { type: 'boolean' }, 'take-github': { type: 'boolean' } }, [1, 1]);
  if (values['keep-mine'] === values['take-github']) {
    throw new UsageError('resolve: give exactly one of --keep-mine or --take-github');
  }
  const core = await ctx.core();
  const id = await idOf(core, positionals[0]!);
  const before = must(await core.call('getEngagement', { id }));
  if (!before.github?.conflict) {
    throw new PalsError(
      'not-found',
      `"${before.name}" has no conflict with GitHub to resolve; pals conflicts lists the cards that have one`,
    );
  }
  // The very call of the card dialog's buttons (write-back queues the kept phase; taking GitHub's moves the card).
  const settled = must(await core.call('resolveConflict', { id, keep: values['keep-mine'] ? 'local' : 'github' }));
  ctx.io.stdout(`${settled.id} ${settled.phase}\n`);
};
