/**
 * The `pals` commands: each parses its flags, makes its calls through the core's `call` (the
 * same entrance the app's windows use) and prints the answer. No command touches the store.
 */
import { EngagementPatchSchema, NewEngagementInputSchema, NewNoteInputSchema, NotePatchSchema } from '../../shared/inputs.js';
import { isIsoDate } from '../../shared/dates.js';
import { MAX_NOTE_CHARS, PhaseSchema } from '../../shared/schema.js';
import { readNamedFile } from '../core/lib/bounded-read.js';
import { renderBoard } from './board-text.js';
import { criteriaOf, CRITERIA_OPTIONS } from './criteria.js';
import { idOf, must, type Command } from './context.js';
import { formatEngagement, formatList } from './format.js';
import { notePalLookAlikes } from './pal-notes.js';
import { clearable, hours, parse, validate } from './parse.js';
import { prepareWidths } from './text.js';
import { terminalColumns } from './terminal-width.js';
import { UsageError } from './usage.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const add: Command = async (argv, ctx) => {
  const { values } = parse(
    'add',
    argv,
    {
      name: { type: 'string' },
      maturity: { type: 'string' },
      repo: { type: 'string' },
      kickoff: { type: 'string' },
      pal: { type: 'string', multiple: true },
      issue: { type: 'string' },
      ...CRITERIA_OPTIONS,
    },
    [0, 0],
  );
  if (values.name === undefined) throw new UsageError('add: --name NAME is required');
  const input = validate(
    NewEngagementInputSchema,
    {
      name: values.name,
      maturity: values.maturity,
      repo: clearable(values.repo),
      kickoff: clearable(values.kickoff),
      pals: values.pal,
      issue: clearable(values.issue),
      round: values.round,
      criteria: criteriaOf(values),
    },
    { pals: '--pal', criteria: '--sponsor-link' },
  );
  const core = await ctx.core();
  await notePalLookAlikes(core, input.pals, ctx.io);
  const created = must(await core.call('addEngagement', input));
  ctx.io.stdout(`${created.id}\n`);
};

const list: Command = async (argv, ctx) => {
  const { values } = parse('list', argv, { json: { type: 'boolean' }, view: { type: 'string' } }, [0, 0]);
  // --view NAME: only what a view saved on the board shows (its round, pal, maturity and due filters).
  const views = must(await (await ctx.core()).call('listEngagements', values.view === undefined ? {} : { view: values.view }));
  if (!values.json) await prepareWidths(views.map((e) => e.name));
  ctx.io.stdout(values.json ? json(views) : formatList(views));
};

const show: Command = async (argv, ctx) => {
  const { values, positionals } = parse('show', argv, { json: { type: 'boolean' } }, [1, 1]);
  const core = await ctx.core();
  const view = must(await core.call('getEngagement', { id: await idOf(core, positionals[0]!) }));
  const logins = !values.json && view.github ? must(await core.call('getSettings', {})).palLogins : {};
  ctx.io.stdout(values.json ? json(view) : formatEngagement(view, logins));
};

const move: Command = async (argv, ctx) => {
  const { positionals, values } = parse('move', argv, { on: { type: 'string' } }, [2, 2]);
  const [ref, phaseText] = positionals as [string, string];
  const phase = PhaseSchema.safeParse(phaseText);
  if (!phase.success) {
    throw new UsageError(`move: unknown phase "${phaseText}"; use one of ${PhaseSchema.options.join(', ')}`);
  }
  const core = await ctx.core();
  // The same call as a drag on the board: with write-back on, it also queues the issue's label change.
  // --on DATE: the day it happened (refused after today or before the previous move).
  // A date that is not a real YYYY-MM-DD is a usage error (exit 2), like --kickoff's; the core
  // refuses a real date in the future or out of order (exit 1).
  if (values.on !== undefined && !isIsoDate(values.on)) {
    throw new UsageError(`--on: must be a real date written YYYY-MM-DD (got "${values.on}")`);
  }
  const on = values.on === undefined ? {} : { on: values.on };
  const answer = await core.call('moveEngagement', { id: await idOf(core, ref), phase: phase.data, via: 'cli', ...on });
  // The core names no flag; the day it refuses is the one given with --on.
  const moved = must(
    !answer.ok && answer.error.field === 'on'
      ? { ...answer, error: { ...answer.error, message: `--on: ${answer.error.message}` } }
      : answer,
  );
  ctx.io.stdout(`${moved.id} ${moved.phase}\n`);
};
const edit: Command = async (argv, ctx) => {
  const { values, positionals } = parse(
    'edit',
    argv,
    {
      name: { type: 'string' },
      kickoff: { type: 'string' },
      maturity: { type: 'string' },
      issue: { type: 'string' },
      repo: { type: 'string' },
      pal: { type: 'string', multiple: true },
      reaction: { type: 'string' },
      learning: { type: 'string', multiple: true },
      hours: { type: 'string' },
      hold: { type: 'string' },
      'retro-worked': { type: 'string' },
      'retro-didnt': { type: 'string' },
      'retro-improve': { type: 'string' },
      'retro-more': { type: 'string' },
      'retro-less': { type: 'string' },
      pr: { type: 'string' },
      ...CRITERIA_OPTIONS,
    },
    [1, 1],
  );
  if (values.hold !== undefined && values.hold !== 'yes' && values.hold !== 'no') {
    throw new UsageError(`--hold: must be yes or no (got "${values.hold}")`);
  }
  const patch = validate(
    EngagementPatchSchema,
    {
      name: values.name,
      kickoff: clearable(values.kickoff),
      maturity: values.maturity,
      issue: clearable(values.issue),
      repo: clearable(values.repo),
      pals: values.pal,
      reaction: values.reaction,
      addLearnings: values.learning,
      hours: hours(values.hours),
      onHold: values.hold === undefined ? undefined : values.hold === 'yes',
      retro: retroPatch(values),
      round: values.round,
      criteria: criteriaOf(values),
      pr: clearable(values.pr),
    },
    { pals: '--pal', addLearnings: '--learning', onHold: '--hold', retro: '--retro-*', criteria: '--sponsor-link', pr: '--pr' },
  );
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new UsageError('edit: nothing to change; give at least one option (see pals --help)');
  }
  const core = await ctx.core();
  const id = await idOf(core, positionals[0]!);
  await notePalLookAlikes(core, patch.pals, ctx.io);
  const edited = must(await core.call('editEngagement', { id, patch }));
  ctx.io.stdout(`${edited.id}\n`);
};

const note: Command = async (argv, ctx) => {
  const { values, positionals } = parse(
    'note',
    argv,
    {
      kind: { type: 'string' },
      text: { type: 'string' },
      file: { type: 'string' },
      date: { type: 'string' },
      attendee: { type: 'string', multiple: true },
      action: { type: 'string', multiple: true },
    },
    [1, 1],
  );
  if ((values.text === undefined) === (values.file === undefined)) {
    throw new UsageError('note: give exactly one of --text TEXT or --file PATH');
  }
  let text = values.text;
  if (values.file !== undefined) {
    // UTF-8 takes at most 4 bytes a character: a longer file cannot be a note (the schema counts characters).
    const max = MAX_NOTE_CHARS * 4;
    text =
      values.file === '-'
        ? await ctx.io.readStdin(max)
        : (await readNamedFile(values.file, { max, what: 'a note can hold' })).toString('utf8');
  }
  const input = validate(
    NewNoteInputSchema,
    { kind: values.kind, text, date: clearable(values.date), attendees: values.attendee },
    { text: values.file ? '--file' : '--text', attendees: '--attendee' },
  );
  // The editor keeps an empty row while one types; a command line has no such row: an empty --action is a mistake.
  if (values.action?.some((a) => a.trim() === '')) throw new UsageError('--action: must say what needs doing (got an empty text)');
  const actions = validate(NotePatchSchema, { actions: values.action?.map((a) => ({ text: a })) }, { actions: '--action' }).actions;
  const core = await ctx.core();
  const created = must(await core.call('addNote', { id: await idOf(core, positionals[0]!), note: input, ...(actions ? { actions } : {}) }));
  ctx.io.stdout(`${created.id}\n`);
};

const board: Command = async (argv, ctx) => {
  parse('board', argv, {}, [0, 0]);
  const board = must(await (await ctx.core()).call('getBoard', {}));
  await prepareWidths(board.engagements.map((e) => e.name));
  ctx.io.stdout(`${renderBoard(board.engagements, ctx.today, terminalColumns(ctx.io.columns, ctx.io.env))}\n`);
};

const backup: Command = async (argv, ctx) => {
  const { values } = parse('backup', argv, { out: { type: 'string' } }, [0, 0]);
  if (!values.out) throw new UsageError('backup: --out FILE is required');
  const done = must(await (await ctx.core()).call('backupTo', { out: values.out }));
  ctx.io.stderr(`backed up ${done.engagements} engagements to ${done.path}\n`);
};

const restore: Command = async (argv, ctx) => {
  const { positionals } = parse('restore', argv, {}, [1, 1]);
  const file = positionals[0]!;
  const done = must(await (await ctx.core()).call('restoreFrom', { file }));
  ctx.io.stderr(`restored ${done.engagements} engagements from ${file}${done.kept ? `; the previous store is in ${done.kept}` : ''}\n`);
};

/** The `--retro-*` flags as a patch (undefined when none was given). */
function retroPatch(values: Partial<Record<`retro-${'worked' | 'didnt' | 'improve' | 'more' | 'less'}`, string>>) {
  const retro = {
    worked: values['retro-worked'],
    didnt: values['retro-didnt'],
    improve: values['retro-improve'],
    more: values['retro-more'],
    less: values['retro-less'],
  };
  return Object.values(retro).some((v) => v !== undefined) ? retro : undefined;
}

/** A command that loads its module when it runs: `pals list` never loads the web server or the GitHub code. */
const later =
  (load: () => Promise<Command>): Command =>
  async (argv, ctx) =>
    (await load())(argv, ctx);

/** Every command by name. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  add,
  list,
  show,
  move,
  edit,
  note,
  board,
  backup,
  restore,
  due: later(async () => (await import('./due.js')).due),
  action: later(async () => (await import('./action.js')).action),
  load: later(async () => (await import('./load.js')).load),
  pal: later(async () => (await import('./pal.js')).pal),
  sync: later(async () => (await import('./sync.js')).sync),
  conflicts: later(async () => (await import('./conflicts.js')).conflicts),
  resolve: later(async () => (await import('./conflicts.js')).resolve),
  labels: later(async () => (await import('./labels.js')).labels),
  settings: later(async () => (await import('./settings.js')).settings),
  discover: later(async () => (await import('./discover.js')).discover),
  intake: later(async () => (await import('./intake.js')).intake),
  export: later(async () => (await import('./export.js')).exportCommand),
  round: later(async () => (await import('./round.js')).round),
  insight: later(async () => (await import('./insight.js')).insightCommand),
  serve: later(async () => (await import('./serve.js')).serve),
};
