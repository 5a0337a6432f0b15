/**
 * The export calls: deck preview, deck export (md/html/pdf/pptx) and the self-assessment starter,
 * for the UI (delivered through the platform: a native save dialog in the app, a download under
 * `pals serve`) and for the command line (written to a file it names, or answered as text).
 * Every deck goes through `produceDeck`; the deck builder, marp-core, the PDF printer and the PPTX
 * writer load on first use only. A PPTX is the PDF's pages as pictures: each slide rendered alone
 * at 1280×720 by the same Chromium (the app's own, or the local one for the CLI), photographed
 * and placed full-bleed, with the slide's comments as its speaker notes.
 */
import { lstat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DECK_MIME, type DeckFormat } from '../../shared/deck/formats.js';
import type { DeckOptionsInput, ExportResult } from '../../shared/deck/options.js';
import { findEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import type { StoreDoc } from '../../shared/schema.js';
import type { CoreContext, Handlers } from './context.js';
import type { HostHandlers } from './host-api.js';
import { deliverExport, writeExport as save } from './export/deliver.js';

type Format = DeckFormat;
type ExportHandlers = Pick<Handlers, 'deckPreview' | 'exportDeck' | 'exportAssessment'> &
  Pick<HostHandlers, 'exportDeckTo' | 'exportAssessmentTo'>;

/** How a host turns HTML into a PDF, and slide pages into pictures. */
interface Printer {
  readonly pdf: (html: string) => Promise<Uint8Array>;
  readonly pictures: (pages: readonly string[]) => Promise<Uint8Array[]>;
}

/** A deck in one format, with the chart files a Markdown deck refers to when `images` is 'files'. */
interface ProducedDeck {
  readonly data: string | Uint8Array;
  readonly images: readonly { readonly name: string; readonly svg: string }[];
  readonly slideCount: number;
  readonly engagementCount: number;
}

/** The one way a deck is made: build the markdown, then render (HTML), print (PDF) or picture (PPTX) as asked. */
async function produceDeck(
  doc: StoreDoc,
  options: DeckOptionsInput,
  format: Format,
  images: 'inline' | 'files',
  printer: Printer,
): Promise<ProducedDeck> {
  const { buildDeck } = await import('../../shared/deck/build-deck.js');
  const deck = buildDeck(doc, { ...options, images });
  const counts = { slideCount: deck.slideCount, engagementCount: deck.engagementIds.length };
  if (format === 'md') return { data: deck.markdown, images: deck.images, ...counts };
  const { deckHtmlDocument, renderDeck, renderSlidePages } = await import('./export/render-deck.js');
  if (format === 'pptx') {
    const pages = renderSlidePages(deck.markdown, deck.title);
    const pictures = await printer.pictures(pages.map((p) => p.html));
    const { buildPptx } = await import('./export/pptx.js');
    const data = await buildPptx(
      pages.map((p, i) => ({ png: pictures[i]!, notes: p.notes })),
      deck.title,
    );
    return { data, images: [], ...counts };
  }
  const html = deckHtmlDocument(renderDeck(deck.markdown), deck.title);
  return { data: format === 'pdf' ? await printer.pdf(html) : html, images: [], ...counts };
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
  const printer: Printer = {
    pdf: async (html) => {
      if (platform) return platform.printToPdf(html);
      const { htmlToPdf } = await import('./export/pdf.js');
      return htmlToPdf(html, ctx.env);
    },
    pictures: async (pages) => {
      if (platform?.pictureSlides) return platform.pictureSlides(pages);
      const { screenshotPages } = await import('./export/chromium-shots.js');
      return screenshotPages(pages, ctx.env);
    },
  };
  const deliver = (filename: string, format: Format, data: string | Uint8Array): Promise<ExportResult> =>
    deliverExport(platform, filename, DECK_MIME[format], data);
  return {
    deckPreview: async ({ options }) => {
      const { buildDeck } = await import('../../shared/deck/build-deck.js');
      const deck = buildDeck(ctx.store.doc, { ...options, images: 'inline' });
      const { renderDeck } = await import('./export/render-deck.js');
      const rendered = renderDeck(deck.markdown);
      return {
        html: rendered.html,
        css: rendered.css,
        slideCount: rendered.slideCount,
        engagementCount: deck.engagementIds.length,
        omitted: deck.omitted,
      };
    },
    exportDeck: async ({ options, format }) => {
      const deck = await produceDeck(ctx.store.doc, options, format, 'inline', printer);
      return deliver(`security-pals-retrospective-${ctx.today()}.${format}`, format, deck.data);
    },
    exportAssessment: async ({ id }) => {
      const engagement = findEngagement(ctx.store.doc, id);
      const { assessmentStarter } = await import('../../shared/assessment.js');
      return deliver(`${slugOf(engagement.name)}-self-assessment.md`, 'md', assessmentStarter(engagement, ctx.today()));
    },
    exportDeckTo: async ({ options, format, out }) => {
      if (out === null && (format === 'pdf' || format === 'pptx')) {
        throw new PalsError('invalid-input', `a ${format.toUpperCase()} needs a file to go to`, 'out');
      }
      // A Markdown file keeps its charts beside it (deck-images/); anything else embeds them.
      const deck = await produceDeck(ctx.store.doc, options, format, format === 'md' && out ? 'files' : 'inline', printer);
      const counts = { slideCount: deck.slideCount, engagementCount: deck.engagementCount };
      if (out === null) return { kind: 'text', text: String(deck.data), ...counts };
      const charts = deck.images.length > 0 ? await chartFolder(out) : null;
      for (const image of deck.images) await save(join(charts!, image.name), image.svg);
      await save(out, deck.data);
      return { kind: 'written', path: out, ...counts };
    },
    exportAssessmentTo: async ({ id, out, pr }) => {
      const { assessmentPullRequest, assessmentStarter } = await import('../../shared/assessment.js');
      const engagement = findEngagement(ctx.store.doc, id);
      const text = pr ? assessmentPullRequest(engagement, ctx.today()).body : assessmentStarter(engagement, ctx.today());
      if (out === null) return { kind: 'text', text };
      await save(out, text);
      return { kind: 'written', path: out };
    },
  };
}
