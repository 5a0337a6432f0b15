/** `pals export deck|assessment|ics`: the retrospective deck (md, html, pdf, pptx), the self-assessment starter, the calendar. */
import { extname } from 'node:path';
import { DECK_FORMATS, type DeckFormat } from '../../shared/deck/formats.js';
import { DECK_SECTIONS, DECK_THEMES, type DeckTheme } from '../../shared/deck/sections.js';
import type { FileExport } from '../core/open-core.js';
import { idOf, must, type CommandContext } from './context.js';
import { parse } from './parse.js';
import { UsageError } from './usage.js';

function formatOf(value: string | undefined, out: string | undefined): DeckFormat {
  const chosen = value ?? (out ? extname(out).slice(1).toLowerCase().replace('markdown', 'md') : 'md');
  if (!(DECK_FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(
      `--format: use ${DECK_FORMATS.join(', ')}${value ? ` (got "${value}")` : `; cannot tell from the file name "${out ?? ''}"`}`,
    );
  }
  return chosen as DeckFormat;
}

/** `--sections concept,projects,slide-1`: exactly these, in this order (the core checks slide ids). */
function sectionsOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--sections: name at least one of ${DECK_SECTIONS.join(', ')} (or a custom slide's id)`);
  return names;
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
    {
      out: { type: 'string' },
      format: { type: 'string' },
      only: { type: 'string' },
      title: { type: 'string' },
      theme: { type: 'string' },
      round: { type: 'string' },
      sections: { type: 'string' },
    },
    [0, 0],
  );
  const format = formatOf(values.format, values.out);
  if ((format === 'pdf' || format === 'pptx') && !values.out)
    throw new UsageError(`export deck: a ${format.toUpperCase()} needs --out FILE`);
  const order = sectionsOf(values.sections);
  if (values.theme !== undefined && !(DECK_THEMES as readonly string[]).includes(values.theme))
    throw new UsageError(`--theme: use ${DECK_THEMES.join(', ')}`);
  const core = await ctx.core();
  const refs = values.only
    ?.split(',')
    .map((ref) => ref.trim())
    .filter(Boolean);
  const only = refs ? await Promise.all(refs.map((ref) => idOf(core, ref))) : undefined;
  const options = { only, title: values.title, theme: values.theme as DeckTheme | undefined, round: values.round, order };
  const done = must(await core.call('exportDeckTo', { options, format, out: values.out ?? null }));
  if (done.engagementCount === 0) {
    const where = values.round === undefined ? 'the current round' : `round "${values.round}"`;
    ctx.io.stderr(`note: the deck covers no engagements (none in ${where}); use --only or --round to choose\n`);
  }
  report(done, ctx, true);
}

async function assessment(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse('export assessment', argv, { out: { type: 'string' }, pr: { type: 'boolean' } }, [1, 1]);
  const core = await ctx.core();
  const id = await idOf(core, positionals[0]!);
  report(must(await core.call('exportAssessmentTo', { id, out: values.out ?? null, pr: values.pr ?? false })), ctx, false);
}

/** `export ics [--out FILE] [--pal NAME]`: the calendar; without --out it goes to stdout. */
async function ics(argv: string[], ctx: CommandContext): Promise<void> {
  const { values } = parse('export ics', argv, { out: { type: 'string' }, pal: { type: 'string' } }, [0, 0]);
  if (values.pal !== undefined && values.pal.trim() === '') throw new UsageError("--pal: give a pal's name");
  const done = must(await (await ctx.core()).call('exportIcsTo', { pal: values.pal ?? null, out: values.out ?? null }));
  if (done.kind === 'written') {
    const n = done.eventCount ?? 0;
    ctx.io.stderr(`wrote ${done.path} (${n} ${n === 1 ? 'event' : 'events'})\n`);
    return;
  }
  report(done, ctx, false);
}

/** Dispatches `export deck`, `export assessment` and `export ics`. */
export async function exportCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const [what, ...rest] = argv;
  if (what === 'deck') return deck(rest, ctx);
  if (what === 'assessment') return assessment(rest, ctx);
  if (what === 'ics') return ics(rest, ctx);
  throw new UsageError(`export: say what to export: deck, assessment or ics${what ? ` (got "${what}")` : ''}`);
}
