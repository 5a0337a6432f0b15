/** `pals export deck|assessment`: the retrospective deck (md, html, pdf) and the self-assessment starter. */
import { mkdir } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { assessmentStarter } from '../../shared/assessment.js';
import { buildDeck, DECK_THEMES, type DeckTheme } from '../../shared/deck/build-deck.js';
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { deckHtmlDocument, renderDeck } from '../core/export/render-deck.js';
import { htmlToPdf } from '../core/export/pdf.js';
import { writeFileDurable } from '../core/store/durable-write.js';
import { describeFsError } from '../core/store/fs.js';
import type { CommandContext } from './commands.js';
import { parse } from './parse.js';
import { UsageError } from './usage.js';

const FORMATS = ['md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

async function save(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileDurable(file, data, { mode: 0o644 });
  } catch (error) {
    throw new PalsError('io', `cannot write ${file}: ${describeFsError(error)}`);
  }
}

function formatOf(value: string | undefined, out: string | undefined): Format {
  const chosen = value ?? (out ? extname(out).slice(1).toLowerCase().replace('markdown', 'md') : 'md');
  if (!(FORMATS as readonly string[]).includes(chosen)) {
    throw new UsageError(`--format: use md, html or pdf${value ? ` (got "${value}")` : `; cannot tell from the file name "${out ?? ''}"`}`);
  }
  return chosen as Format;
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
  const store = await ctx.store();
  const only = values.only
    ?.split(',')
    .map((ref) => ref.trim())
    .filter(Boolean)
    .map((ref) => findEngagement(store.doc, ref).id);
  const images = format === 'md' && values.out ? 'files' : 'inline';
  const built = buildDeck(store.doc, { only, title: values.title, theme: values.theme as DeckTheme | undefined, images });
  if (built.engagementIds.length === 0)
    ctx.io.stderr('note: the deck covers no engagements (none in the current round); use --only to choose\n');
  if (format === 'md') {
    if (!values.out) {
      ctx.io.stdout(built.markdown);
      return;
    }
    for (const img of built.images) await save(join(dirname(values.out), 'deck-images', img.name), img.svg);
    await save(values.out, built.markdown);
  } else {
    const html = deckHtmlDocument(renderDeck(built.markdown), values.title ?? 'Security Pals Retrospective');
    if (format === 'html' && !values.out) {
      ctx.io.stdout(html);
      return;
    }
    await save(values.out!, format === 'pdf' ? await htmlToPdf(html, ctx.io.env) : html);
  }
  ctx.io.stderr(`wrote ${values.out} (${built.slideCount} slides, ${built.engagementIds.length} engagements)\n`);
}

async function assessment(argv: string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parse('export assessment', argv, { out: { type: 'string' } }, [1, 1]);
  const store = await ctx.store();
  const text = assessmentStarter(findEngagement(store.doc, positionals[0]!), ctx.today);
  if (!values.out) {
    ctx.io.stdout(text);
    return;
  }
  await save(values.out, text);
  ctx.io.stderr(`wrote ${values.out}\n`);
}

/** Dispatches `export deck` and `export assessment`. */
export async function exportCommand(argv: string[], ctx: CommandContext): Promise<void> {
  const [what, ...rest] = argv;
  if (what === 'deck') return deck(rest, ctx);
  if (what === 'assessment') return assessment(rest, ctx);
  throw new UsageError(`export: say what to export: deck or assessment${what ? ` (got "${what}")` : ''}`);
}
