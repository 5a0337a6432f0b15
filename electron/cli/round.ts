/**
 * `pals round list|add|edit|use|remove`: the program's rounds. ROUND is an id or a name (any
 * case). `--weeks PHASE=N|N-M,..` sets windows in weeks from kickoff; a value that overlaps, runs
 * backwards or names an unknown phase is refused with one `error:` line and nothing changes.
 */
import { findRound } from '../../shared/round-ref.js';
import type { Round } from '../../shared/schema.js';
import { describeWindow, parseWeeks, TIMED_PHASES, type WindowsPatch } from '../../shared/windows.js';
import type { Core } from '../core/open-core.js';
import { must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { fit, oneLine, prepareWidths } from './text.js';
import { UsageError } from './usage.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function roundsOf(core: Core): Promise<{ rounds: readonly Round[]; current: string }> {
  const board = must(await core.call('getBoard', {}));
  return { rounds: board.rounds, current: board.settings.currentRound };
}

function weeksOf(text: string | undefined): WindowsPatch | undefined {
  return text === undefined ? undefined : parseWeeks(text);
}

function nameOf(text: string | undefined, command: string): string | undefined {
  // An empty name is a usage error (exit 2), as `add --name ''` is; a taken one is refused by the core (exit 1).
  if (text !== undefined && text.trim() === '') throw new UsageError(`${command}: a round needs a name (got an empty one)`);
  return text;
}

/** The text table of `round list` (the current round marked with *). */
export function formatRounds(rounds: readonly Round[], current: string): string {
  const header = `${fit('ID', 16)} ${fit('NAME', 26)} WINDOWS (weeks from kickoff)`;
  const rows = rounds.map((r) => {
    const windows = TIMED_PHASES.map((p) => `${p} ${describeWindow(r.windows[p]).replace(/^weeks? /, '')}`).join(', ');
    return `${fit(r.id, 16)} ${fit(`${oneLine(r.name)}${r.id === current ? ' *' : ''}`, 26)} ${windows}`;
  });
  return `${[header, ...rows].join('\n')}\n* the current round (new engagements join it)\n`;
}

async function list(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse('round list', argv, { json: { type: 'boolean' } }, [0, 0]);
  const { rounds, current } = await roundsOf(await ctx.core());
  if (values.json) {
    ctx.io.stdout(json(rounds.map((r) => ({ id: r.id, name: r.name, windows: r.windows, current: r.id === current }))));
    return;
  }
  await prepareWidths(rounds.map((r) => r.name));
  ctx.io.stdout(formatRounds(rounds, current));
}

async function add(argv: string[], ctx: CommandContext): Promise<void> {
  const { positionals, values } = parse(
    'round add',
    argv,
    { like: { type: 'string' }, weeks: { type: 'string' }, use: { type: 'boolean' }, 'carry-over': { type: 'boolean' } },
    [1, 1],
  );
  const name = nameOf(positionals[0], 'round add')!;
  const windows = weeksOf(values.weeks);
  const core = await ctx.core();
  const round = must(
    await core.call('addRound', {
      name,
      ...(values.like !== undefined ? { like: values.like } : {}),
      ...(windows ? { windows } : {}),
      use: values.use === true,
      carryOver: values['carry-over'] === true,
    }),
  );
  ctx.io.stdout(`${round.id}\n`);
}

async function edit(argv: string[], ctx: CommandContext): Promise<void> {
  const { positionals, values } = parse(
    'round edit',
    argv,
    {
      name: { type: 'string' },
      weeks: { type: 'string' },
      benefit: { type: 'string', multiple: true },
      'next-step': { type: 'string', multiple: true },
      takeaway: { type: 'string', multiple: true },
    },
    [1, 1],
  );
  const name = nameOf(values.name, 'round edit');
  const windows = weeksOf(values.weeks);
  const added = { benefits: values.benefit, nextSteps: values['next-step'], takeaways: values.takeaway };
  if (name === undefined && windows === undefined && Object.values(added).every((v) => v === undefined)) {
    throw new UsageError('round edit: nothing to change; give --name, --weeks, --benefit, --next-step or --takeaway');
  }
  const core = await ctx.core();
  const { rounds } = await roundsOf(core);
  const ref = positionals[0]!;
  // --benefit, --next-step and --takeaway add to the round's lists (as --learning does on edit).
  // The same lookup as the core's (shared/round-ref.ts), so a name the core finds is never replaced whole.
  const current = findRound({ rounds }, ref);
  const lists = Object.fromEntries(
    Object.entries(added)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, [...current[k as keyof typeof added], ...v!]]),
  );
  const round = must(
    await core.call('editRound', {
      id: current.id,
      ...(name !== undefined ? { name } : {}),
      ...(windows ? { windows } : {}),
      ...lists,
    }),
  );
  ctx.io.stdout(`${round.id}\n`);
}

async function use(argv: string[], ctx: CommandContext): Promise<void> {
  const { positionals } = parse('round use', argv, {}, [1, 1]);
  const done = must(await (await ctx.core()).call('useRound', { id: positionals[0]! }));
  ctx.io.stdout(`${done.settings.currentRound}\n`);
}

async function remove(argv: string[], ctx: CommandContext): Promise<void> {
  const { positionals, values } = parse('round remove', argv, { 'move-to': { type: 'string' } }, [1, 1]);
  const done = must(
    await (
      await ctx.core()
    ).call('removeRound', { id: positionals[0]!, ...(values['move-to'] !== undefined ? { moveTo: values['move-to'] } : {}) }),
  );
  ctx.io.stdout(`${done.id}\n`);
}

const SUBCOMMANDS: Readonly<Record<string, (argv: string[], ctx: CommandContext) => Promise<void>>> = { list, add, edit, use, remove };

/** Dispatches `round SUBCOMMAND`. */
export async function round(argv: string[], ctx: CommandContext): Promise<void> {
  const [what, ...rest] = argv;
  const run = what !== undefined && Object.hasOwn(SUBCOMMANDS, what) ? SUBCOMMANDS[what] : undefined;
  if (!run) throw new UsageError(`round: say what to do: list, add, edit, use or remove${what ? ` (got "${what}")` : ''}`);
  return run(rest, ctx);
}
