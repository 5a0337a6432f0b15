/** `pals export deck|assessment`: the retrospective deck (md, html, pdf) and the self-assessment starter. */
import { extname } from 'node:path';
import { DECK_THEMES, type DeckTheme } from '../../shared/deck/sections.js';
import type { FileExport } from '../core/host-api.js';
import { idOf, must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { UsageError } from './usage.js';

const FORMATS = ['md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(value: string | undefined, out: string | undefined): Format {
  const chosen = value ?? (out ? extname(out).slice(1).toLowerCase().replace('markdown', 'md') : 'md');
  if (!(FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format: use md, html or pdf${value ? ` (got "${value}")` : `; cannot tell from the file name "${out ?? ''}"`}`);
  }
  return chosen as Format;
}

/** Prints the text, or says where the file went. */
function report(done: FileExport, ctx: CommandContext, counts: boolean): void {
  if (done.kind === 'text') {
    ctx.io.stdout(done.text);
    return;
  }
  const what = counts ? ` (${done.slideCount ?? 0} slides, ${done.engagementCount ?? 0} engagements)` : '';
  ctx.io.stderr(`wrote ${done.path}${what}\n`);
}

async function deck(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse(
    'export deck',
    argv,
    { out: { type: 'string' }, format: { type: 'string' }, only: { type: 'string' }, title: { type: 'string' }, theme: { type: 'string' } },
    [0, 0],
  );
  const format = formatOf(values.format, values.out);
  if (format === 'pdf' && !values.out) throw new UsageError('export deck: a PDF needs --out FILE');
  if (values.theme !== undefined && !(DECK_THEMES as readonly string[]).includes(values.theme))
    throw new UsageError(`--theme: use ${DECK_THEMES.join(', ')}`);
  const core = await ctx.core();
  const refs = values.only
    ?.split(',')
    .map((ref) => ref.trim())
    .filter(Boolean);
  const only = refs ? await Promise.all(refs.map((ref) => idOf(core, ref))) : undefined;
  const options = { only, title: values.title, theme: values.theme as DeckTheme | undefined };
  const done = must(await core.call('exportDeckTo', { options, format, out: values.out ?? null }));
  if (done.engagementCount === 0) ctx.io.stderr('note: the deck covers no engagements (none in the current round); use --only to choose\n');
  report(done, ctx, true);
}

async function assessment(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse('export assessment', argv, { out: { type: 'string' } }, [1, 1]);
  const core = await ctx.core();
  const id = await idOf(core, positionals[0]!);
  report(must(await core.call('exportAssessmentTo', { id, out: values.out ?? null })), ctx, false);
}

/** Dispatches `export deck` and `export assessment`. */
export async function exportCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const [what, ...rest] = argv;
  if (what === 'deck') return deck(rest, ctx);
  if (what === 'assessment') return assessment(rest, ctx);
  throw new UsageError(`export: say what to export: deck or assessment${what ? ` (got "${what}")` : ''}`);
}
