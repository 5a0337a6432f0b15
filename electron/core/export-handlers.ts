/**
 * The export calls: deck preview, deck export (md/html/pdf) and the self-assessment starter.
 * Where a file goes depends on the platform: the desktop app passes a native save dialog and a
 * PDF printer; `pals serve` has neither, so the browser receives the file to download.
 */
import { assessmentStarter } from '../../shared/assessment.js';
import { buildDeck } from '../../shared/deck/build-deck.js';
import type { ExportResult } from '../../shared/deck/options.js';
import { findEngagement } from '../../shared/engagements.js';
import { deckHtmlDocument, renderDeck } from './export/render-deck.js';
import { htmlToPdf } from './export/pdf.js';
import type { CoreContext, Handlers } from './handlers.js';

/** What the desktop shell adds: a native save dialog and printing with a hidden window. */
export interface ExportPlatform {
  saveFile(suggestedName: string, data: string | Uint8Array): Promise<string | null>;
  printToPdf(html: string): Promise<Uint8Array>;
}

type ExportHandlers = Pick<Handlers, 'deckPreview' | 'exportDeck' | 'exportAssessment'>;

const MIME = { md: 'text/markdown', html: 'text/html', pdf: 'application/pdf' } as const;

/** Handlers for the export calls; `platform` is absent under `pals serve`. */
export function createExportHandlers(ctx: CoreContext, platform?: ExportPlatform): ExportHandlers {
  const deliver = async (filename: string, format: keyof typeof MIME, data: string | Uint8Array): Promise<ExportResult> => {
    if (platform) {
      const path = await platform.saveFile(filename, data);
      return path ? { kind: 'saved', path } : { kind: 'cancelled' };
    }
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    return { kind: 'download', filename, mime: MIME[format], base64: bytes.toString('base64') };
  };
  return {
    deckPreview: ({ options }) => {
      const deck = buildDeck(ctx.store.doc, { ...options, images: 'inline' });
      const rendered = renderDeck(deck.markdown);
      return Promise.resolve({
        html: rendered.html,
        css: rendered.css,
        slideCount: rendered.slideCount,
        engagementCount: deck.engagementIds.length,
      });
    },
    exportDeck: async ({ options, format }) => {
      const deck = buildDeck(ctx.store.doc, { ...options, images: 'inline' });
      const name = `security-pals-retrospective-${ctx.today()}.${format}`;
      if (format === 'md') return deliver(name, format, deck.markdown);
      const html = deckHtmlDocument(renderDeck(deck.markdown), options.title ?? 'Security Pals Retrospective');
      if (format === 'html') return deliver(name, format, html);
      const pdf = platform ? await platform.printToPdf(html) : await htmlToPdf(html);
      return deliver(name, format, pdf);
    },
    exportAssessment: ({ id }) => {
      const engagement = findEngagement(ctx.store.doc, id);
      const slug =
        engagement.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'project';
      return deliver(`${slug}-self-assessment.md`, 'md', assessmentStarter(engagement, ctx.today()));
    },
  };
}
