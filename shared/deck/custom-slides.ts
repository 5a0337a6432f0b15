/**
 * The coordinator's own slides: markdown (kept to one slide by custom-markdown.ts) and pictures
 * from local files (embedded as a data URI, checked by their bytes when added).
 */
import { imageDataUri } from './deck-image.js';
import { neutralizeMarkdown } from './custom-markdown.js';
import { withNotes } from './deck-sections.js';
import { literal } from './escape.js';
import type { CustomSlide } from './round-deck-schema.js';

/** The slide (none when it has neither a title nor anything on it). */
export function customSlide(slide: CustomSlide): string[] {
  const heading = slide.title.trim() ? `# ${literal(slide.title)}\n\n` : '';
  if (slide.kind === 'markdown') {
    const body = neutralizeMarkdown(slide.markdown);
    if (!heading && !body) return [];
    return [withNotes(`${heading}${body}`.trim(), slide.notes)];
  }
  const picture = `![${literal(slide.alt)}](${imageDataUri(slide.image)})`;
  return [withNotes(`<!-- _class: picture -->\n${heading}${picture}`, slide.notes)];
}
