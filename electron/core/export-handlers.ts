/**
 * The export calls: deck preview, deck export (md/html/pdf) and the self-assessment starter,
 * for the UI (delivered through the platform: a native save dialog in the app, a download under
 * `pals serve`) and for the command line (written to a file it names, or answered as text).
 * Every deck goes through `produceDeck`; the deck builder, marp-core and the PDF printer load on
 * first use only.
 */
import { lstat, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DeckOptionsInput, ExportResult } from '../../shared/deck/options.js';
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import type { StoreDoc } from '../../shared/schema.js';
import type { CoreContext, Handlers } from './context.js';
import type { HostHandlers } from './host-api.js';
import { writeFileDurable } from './store/durable-write.js';
import { describeFsError } from './store/fs.js';

type Format = 'md' | 'html' | 'pdf';
type ExportHandlers = Pick<Handlers, 'deckPreview' | 'exportDeck' | 'exportAssessment'> &
  Pick<HostHandlers, 'exportDeckTo' | 'exportAssessmentTo'>;

const MIME = { md: 'text/markdown', html: 'text/html', pdf: 'application/pdf' } as const;
const DEFAULT_TITLE = 'Security Pals Retrospective';

/** A deck in one format, with the chart files a Markdown deck refers to when `images` is 'files'. */
interface ProducedDeck {
  readonly data: string | Uint8Array;
  readonly images: readonly { readonly name: string; readonly svg: string }[];
  readonly slideCount: number;
  readonly engagementCount: number;
}

/** The one way a deck is made: build the markdown, then render (HTML) and print (PDF) as asked. */
async function produceDeck(
  doc: StoreDoc,
  options: DeckOptionsInput,
  format: Format,
  images: 'inline' | 'files',
  printPdf: (html: string) => Promise<Uint8Array>,
): Promise<ProducedDeck> {
  const { buildDeck } = await import('../../shared/deck/build-deck.js');
  const deck = buildDeck(doc, { ...options, images });
  const counts = { slideCount: deck.slideCount, engagementCount: deck.engagementIds.length };
  if (format === 'md') return { data: deck.markdown, images: deck.images, ...counts };
  const { deckHtmlDocument, renderDeck } = await import('./export/render-deck.js');
  const html = deckHtmlDocument(renderDeck(deck.markdown), options.title ?? DEFAULT_TITLE);
  return { data: format === 'pdf' ? await printPdf(html) : html, images: [], ...counts };
}

/**
 * Writes an export where the command line asked, creating its folder. Exports carry reactions,
 * hours and notes, so they are readable by the user only (0600).
 */
async function save(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileDurable(file, data, { mode: 0o600 });
  } catch (error) {
    throw new PalsError('io', `cannot write ${file}: ${describeFsError(error)}`);
  }
}

/** The chart folder beside a Markdown deck; refused when it is a symbolic link (it could point anywhere). */
async function chartFolder(out: string): Promise<string> {
  const folder = join(dirname(out), 'deck-images');
  const stats = await lstat(folder).catch(() => null);
  if (stats?.isSymbolicLink()) {
    throw new PalsError('io', `${folder} is a symbolic link; remove it or export elsewhere (charts are never written through a link)`);
  }
  return folder;
}

/** A file name from a project name ("Artifact Hub" → "artifact-hub"). */
function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project'
  );
}

/** Handlers for the export calls; `ctx.exportPlatform` is absent under `pals serve` and the CLI. */
export function createExportHandlers(ctx: CoreContext): ExportHandlers {
  const platform = ctx.exportPlatform;
  const printPdf = async (html: string): Promise<Uint8Array> => {
    if (platform) return platform.printToPdf(html);
    const { htmlToPdf } = await import('./export/pdf.js');
    return htmlToPdf(html, ctx.env);
  };
  const deliver = async (filename: string, format: Format, data: string | Uint8Array): Promise<ExportResult> => {
    if (platform) {
      const path = await platform.saveFile(filename, data);
      return path ? { kind: 'saved', path } : { kind: 'cancelled' };
    }
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    return { kind: 'download', filename, mime: MIME[format], base64: bytes.toString('base64') };
  };
  return {
    deckPreview: async ({ options }) => {
      const { buildDeck } = await import('../../shared/deck/build-deck.js');
      const deck = buildDeck(ctx.store.doc, { ...options, images: 'inline' });
      const { renderDeck } = await import('./export/render-deck.js');
      const rendered = renderDeck(deck.markdown);
      return { html: rendered.html, css: rendered.css, slideCount: rendered.slideCount, engagementCount: deck.engagementIds.length };
    },
    exportDeck: async ({ options, format }) => {
      const deck = await produceDeck(ctx.store.doc, options, format, 'inline', printPdf);
      return deliver(`security-pals-retrospective-${ctx.today()}.${format}`, format, deck.data);
    },
    exportAssessment: async ({ id }) => {
      const engagement = findEngagement(ctx.store.doc, id);
      const { assessmentStarter } = await import('../../shared/assessment.js');
      return deliver(`${slugOf(engagement.name)}-self-assessment.md`, 'md', assessmentStarter(engagement, ctx.today()));
    },
    exportDeckTo: async ({ options, format, out }) => {
      if (out === null && format === 'pdf') throw new PalsError('invalid-input', 'a PDF needs a file to go to', 'out');
      // A Markdown file keeps its charts beside it (deck-images/); anything else embeds them.
      const deck = await produceDeck(ctx.store.doc, options, format, format === 'md' && out ? 'files' : 'inline', printPdf);
      const counts = { slideCount: deck.slideCount, engagementCount: deck.engagementCount };
      if (out === null) return { kind: 'text', text: String(deck.data), ...counts };
      const charts = deck.images.length > 0 ? await chartFolder(out) : null;
      for (const image of deck.images) await save(join(charts!, image.name), image.svg);
      await save(out, deck.data);
      return { kind: 'written', path: out, ...counts };
    },
    exportAssessmentTo: async ({ id, out }) => {
      const { assessmentStarter } = await import('../../shared/assessment.js');
      const text = assessmentStarter(findEngagement(ctx.store.doc, id), ctx.today());
      if (out === null) return { kind: 'text', text };
      await save(out, text);
      return { kind: 'written', path: out };
    },
  };
}
