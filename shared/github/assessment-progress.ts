/**
 * How far a self-assessment pull request has got: for each top-level section of TAG Security's
 * self-assessment template, whether the markdown fills it. Pure: the sync fetches the file, this
 * reads it. Headings are found in every form projects use (assessment-headings.ts) and named
 * however projects name them (assessment-names.ts); what counts as written is
 * assessment-filled.ts.
 */
import { TEMPLATE_OUTLINE, TEMPLATE_SECTIONS } from '../assessment-template.js';
import type { AssessmentSection } from '../schema.js';
import { filled, saysSomething } from './assessment-filled.js';
import { scanLines } from './assessment-headings.js';
import { sectionOfHeading, words } from './assessment-names.js';

export { TEMPLATE_SECTIONS };

/** Removes HTML comments (an unclosed one runs to the end, as a browser reads it). */
function withoutComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/** Footnote definitions (`[^1]: …` and their indented lines) belong to the text that cites them, not to the section they end up in. */
function withoutFootnotes(lines: readonly string[]): string[] {
  let inNote = false;
  return lines.map((line) => {
    if (/^ {0,3}\[\^[^\]]+\]:/.test(line)) inNote = true;
    else if (inNote && line.trim() !== '' && !/^(?: {4}|\t)/.test(line)) inNote = false;
    return inNote ? '' : line;
  });
}

/** The template's metadata keys, and what projects put beside them in a bold key/value list. */
const METADATA_KEYS = new Set(
  [
    ...TEMPLATE_OUTLINE[0]!.fields,
    'stage',
    'status',
    'repository',
    'repo',
    'project',
    'type',
    'website',
    'homepage',
    'contact',
    'security contact',
    'language',
    'version',
    'assessment version',
    'license',
    'maturity',
  ].map(words),
);
const KEY_VALUE = /^\s*(?:[-*+]\s+)?(\*\*|__)([^*_:\n]{1,40}?)(:?)\1\s*(:?)\s*(.*)$/;

/** Metadata written as bold `**Key:** value` lines before the first section: at least two template keys, one with a value. */
function keyValueMetadata(lines: readonly string[]): boolean {
  let keys = 0;
  let valued = false;
  for (const line of lines) {
    const m = KEY_VALUE.exec(line);
    if (!m || (m[3] === '' && m[4] === '') || !METADATA_KEYS.has(words(m[2]!))) continue;
    keys++;
    if (saysSomething(m[5]!)) valued = true;
  }
  return keys >= 2 && valued;
}

/**
 * Each template section, in the template's order, and whether `markdown` fills it. A section
 * runs from its heading (any level, any form) to the next heading of the same or a higher level;
 * a heading inside it that names another section (or one of that section's items) gives its part
 * to that section, and sibling headings named after a section's items count for that section. A
 * section the file lacks is not filled.
 */
export function assessmentProgress(markdown: string): AssessmentSection[] {
  const lines = withoutFootnotes(withoutComments(markdown.replace(/\r\n?/g, '\n')).split('\n'));
  const bodies = TEMPLATE_SECTIONS.map((): string[] => []);
  const preamble: string[] = [];
  const open: { level: number; index: number }[] = [];
  let named = false;
  for (const scanned of scanLines(lines)) {
    if (scanned.kind === 'used') continue;
    if (scanned.kind === 'heading') {
      while (open.length > 0 && open[open.length - 1]!.level >= scanned.level) open.pop();
      const index = sectionOfHeading(scanned.text);
      open.push({ level: scanned.level, index });
      if (index >= 0) named = true;
    }
    const owner = [...open].reverse().find((h) => h.index >= 0);
    // A heading separates blocks; it is not content itself.
    const text = scanned.kind === 'heading' ? '' : scanned.text;
    if (owner) bodies[owner.index]!.push(text);
    else if (!named) preamble.push(text);
  }
  return TEMPLATE_SECTIONS.map((title, index) => ({
    title,
    filled: filled(bodies[index]!) || (index === 0 && keyValueMetadata(preamble)),
  }));
}

/** One changed file of a pull request, as GitHub lists it (`GET /repos/{o}/{r}/pulls/{n}/files`). */
export interface PullFile {
  readonly filename: string;
  readonly status: string;
  readonly additions?: number;
}

/**
 * The PR's self-assessment: a markdown file it adds or changes whose name says
 * "self-assessment" (TAG Security's guide, the template itself, is not one). Prefers files under
 * `assessments/projects/`, then the one with the most added lines. Null when there is none.
 */
export function pickAssessmentFile<F extends PullFile>(files: readonly F[]): F | null {
  const candidates = files.filter(
    (f) =>
      f.status !== 'removed' &&
      !f.filename.startsWith('/') &&
      !f.filename.split('/').includes('..') &&
      /\.md$/i.test(f.filename) &&
      /self[-_ ]?assessment/i.test(f.filename) &&
      !/(^|\/)assessments\/guide\//i.test(f.filename),
  );
  const score = (f: F) => (/assessments\/projects\//i.test(f.filename) ? 1e9 : 0) + (f.additions ?? 0);
  return [...candidates].sort((a, b) => score(b) - score(a))[0] ?? null;
}
