/** The `pals` commands: each parses its flags, runs one store operation and prints. */
import { readFile } from 'node:fs/promises';
import { parseDocText } from '../../shared/document.js';
import { addEngagement, addNote, editEngagement, findEngagement, moveEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { EngagementPatchSchema, NewEngagementInputSchema, NewNoteInputSchema, NotePatchSchema } from '../../shared/inputs.js';
import { updateNote } from '../../shared/notes.js';
import { PhaseSchema } from '../../shared/schema.js';
import { viewEngagement } from '../../shared/view.js';
import { writeFileDurable } from '../core/store/durable-write.js';
import { describeFsError } from '../core/store/fs.js';
import type { PalsStore } from '../core/store/store.js';
import { renderBoard } from './board-text.js';
import { newId } from '../core/ids.js';
import type { CliIo } from './context.js';
import { formatEngagement, formatList } from './format.js';
import { clearable, hours, parse, validate } from './parse.js';
import { exportCommand } from './export.js';
import { serve } from './serve.js';
import { sync } from './sync.js';
import { UsageError } from './usage.js';

export interface CommandContext {
  readonly io: CliIo;
  readonly today: string;
  /** Opens the store lazily, so `--help` and usage errors never touch the disk. */
  readonly store: () => Promise<PalsStore>;
}

type Command = (argv: string[], ctx: CommandContext) => Promise<void>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const nowIso = () => new Date().toISOString();

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
    },
    { pals: '--pal' },
  );
  const store = await ctx.store();
  const created = await store.update((doc) => addEngagement(doc, input, { id: newId(), at: nowIso() }));
  ctx.io.stdout(`${created.id}\n`);
};

const list: Command = async (argv, ctx) => {
  const { values } = parse('list', argv, { json: { type: 'boolean' } }, [0, 0]);
  const store = await ctx.store();
  const doc = store.doc;
  const views = doc.engagements.map((e) => viewEngagement(doc, e, ctx.today));
  ctx.io.stdout(values.json ? json(views) : formatList(views));
};

const show: Command = async (argv, ctx) => {
  const { values, positionals } = parse('show', argv, { json: { type: 'boolean' } }, [1, 1]);
  const store = await ctx.store();
  const view = viewEngagement(store.doc, findEngagement(store.doc, positionals[0]!), ctx.today);
  ctx.io.stdout(values.json ? json(view) : formatEngagement(view));
};

const move: Command = async (argv, ctx) => {
  const { positionals } = parse('move', argv, {}, [2, 2]);
  const [ref, phaseText] = positionals as [string, string];
  const phase = PhaseSchema.safeParse(phaseText);
  if (!phase.success) {
    throw new UsageError(`move: unknown phase "${phaseText}"; use one of ${PhaseSchema.options.join(', ')}`);
  }
  const store = await ctx.store();
  const moved = await store.update((doc) => moveEngagement(doc, ref, phase.data, nowIso()));
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
    },
    { pals: '--pal', addLearnings: '--learning', onHold: '--hold', retro: '--retro-*' },
  );
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new UsageError('edit: nothing to change; give at least one option (see pals --help)');
  }
  const store = await ctx.store();
  const edited = await store.update((doc) => editEngagement(doc, positionals[0]!, patch, nowIso()));
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
    try {
      text = values.file === '-' ? await ctx.io.readStdin() : await readFile(values.file, 'utf8');
    } catch (error) {
      throw new PalsError('io', `cannot read ${values.file}: ${describeFsError(error)}`);
    }
  }
  const input = validate(
    NewNoteInputSchema,
    { kind: values.kind, text, date: clearable(values.date), attendees: values.attendee },
    { text: values.file ? '--file' : '--text', attendees: '--attendee' },
  );
  const actions = validate(NotePatchSchema, { actions: values.action?.map((a) => ({ text: a })) }, { actions: '--action' }).actions;
  const store = await ctx.store();
  const noteId = newId();
  const actionIds = (actions ?? []).map(() => newId());
  const created = await store.update((doc) => {
    const added = addNote(doc, positionals[0]!, input, { id: noteId, at: nowIso() });
    return actions ? updateNote(added.doc, positionals[0]!, noteId, { actions }, nowIso(), actionIds) : added;
  });
  ctx.io.stdout(`${created.id}\n`);
};

const board: Command = async (argv, ctx) => {
  parse('board', argv, {}, [0, 0]);
  const store = await ctx.store();
  const doc = store.doc;
  const views = doc.engagements.map((e) => viewEngagement(doc, e, ctx.today));
  ctx.io.stdout(`${renderBoard(views, ctx.today, ctx.io.columns ?? 80)}\n`);
};

const backup: Command = async (argv, ctx) => {
  const { values } = parse('backup', argv, { out: { type: 'string' } }, [0, 0]);
  if (!values.out) throw new UsageError('backup: --out FILE is required');
  const store = await ctx.store();
  try {
    await writeFileDurable(values.out, json(store.doc));
  } catch (error) {
    throw new PalsError('io', `cannot write ${values.out}: ${describeFsError(error)}`);
  }
  ctx.io.stderr(`backed up ${store.doc.engagements.length} engagements to ${values.out}\n`);
};

const restore: Command = async (argv, ctx) => {
  const { positionals } = parse('restore', argv, {}, [1, 1]);
  const file = positionals[0]!;
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
  const store = await ctx.store();
  const kept = await store.replace(doc, 'before-restore');
  ctx.io.stderr(`restored ${doc.engagements.length} engagements from ${file}${kept ? `; the previous store is in ${kept}` : ''}\n`);
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
  sync,
  export: exportCommand,
  serve,
};
