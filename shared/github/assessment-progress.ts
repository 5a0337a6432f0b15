/**
 * How far a self-assessment pull request has got: for each top-level section of TAG Security's
 * self-assessment template, whether the markdown fills it. A section is filled when it holds
 * text other than the template's own prompts, HTML comments, placeholders such as `[project]`,
 * and "TBD"/"TODO". Pure: the sync fetches the file, this reads it.
 *
 * The template's prompts are recognised by short phrases from them (a block that carries one is
 * the prompt, even if a line was appended to it), by being wholly in italics (the desk's own
 * starter, shared/assessment.ts, writes its prompts so) and by the `[project]` placeholder.
 */
import type { AssessmentSection } from '../schema.js';

/** The template's top-level sections, in its order. */
export const TEMPLATE_SECTIONS = [
  'Metadata',
  'Overview',
  'Self-assessment use',
  'Security functions and features',
  'Project compliance',
  'Secure development practices',
  'Security issue resolution',
  'Appendix',
] as const;

/** Phrases of the template's prompts and examples (compared lowercased, whitespace collapsed). */
const PROMPT_PHRASES = [
  'status of this file may change over time',
  'incomplete, complete, or obsolete',
  "a link to the software's repository",
  'is the primary function of the project to support the security',
  'language(s) the project is written in',
  'link to the libraries, packages, versions used by the project',
  'a table at the top for quick reference',
  'provide the list of links to existing security documentation',
  'use the table below as an example',
  'my.security.file',
  'example.org/config',
  'one or two sentences describing the project',
  'provide information for reviewers who may not be familiar',
  'these are the individual parts of your system',
  'actors only need to be separate',
  'the means by which actors are isolated',
  'these are the steps that a project performs',
  'an action need not be overly descriptive',
  'sufficient to focus on the security checks performed',
  'the access server receives the client request',
  'the client then transmits that token',
  'the intended goals of the projects',
  'non-goals that a reasonable reader',
  'flibble',
  'flibber',
  'a listing critical security components',
  'a listing of security relevant components',
  'these are considered critical design elements',
  'important to enhance the overall security of the project',
  'list any security standards or sub-sections',
  'a description of the testing and assessment processes',
  'be sure to include specific information such as if contributors',
  'reference where you document how to reach your team',
  'how do team members communicate with each other',
  'how do users or prospective users communicate',
  'how do you communicate with your users',
  'how does your software fit into the cloud native ecosystem',
  'disclosures process should suspected security issues',
  'the outline should discuss communication methods',
  'who is responsible for responding to a report',
  'a description of the defined procedures for triage',
  'list or summarize statistics of past vulnerabilities',
  'if none have been reported, provide data',
  'a brief discussion of where the project is at',
  'coreinfrastructure.org/programs/best-practices-program',
  'provide context for reviewers by detailing',
  'reflect on times prospective users have asked',
  'reviewers will have the same question',
];

/** The template's bullet labels: a bullet holding only its label says nothing yet. */
const LABELS = new Set([
  'critical',
  'security relevant',
  'compliance',
  'development pipeline',
  'communication channels',
  'internal',
  'inbound',
  'outbound',
  'ecosystem',
  'responsible disclosures process',
  'vulnerability response process',
  'incident response',
  'known issues over time',
  'cii best practices',
  'openssf best practices',
  'best practices',
  'case studies',
  'related projects vendors',
]);

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_RULE = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])[ \t]+/;

/** Lowercase words only: how headings and labels are compared. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lowercase text with markup and typographic quotes evened out, for prompt phrases. */
function plain(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[*_`<>]/g, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const TITLE_KEYS = TEMPLATE_SECTIONS.map((t) => words(t));

/** Which template section a heading names (leading numbers such as "2." ignored), or -1. */
function sectionOf(heading: string): number {
  return TITLE_KEYS.indexOf(words(heading.replace(/^\d+(?:\.\d+)*[.)]?\s+/, '')));
}

/** True when a block of text (a paragraph, a list item, a table cell) is more than the template left. */
function saysSomething(block: string): boolean {
  const text = withoutLabel(block.trim());
  if (text === '') return false;
  // Wholly in italics: the starter's prompts (bold, `**…**`, is the author's own emphasis).
  if (/^_(?!_)[\s\S]*[^_\s]_$/.test(text) || /^\*(?!\*)[\s\S]*[^*\s]\*$/.test(text)) return false;
  if (/\[\s*project(?:\s+name)?\s*\]/i.test(text)) return false;
  const flat = plain(text);
  if (PROMPT_PHRASES.some((p) => flat.includes(p))) return false;
  const rest = words(text.replace(/\b(?:TBD|TODO)\b/gi, ' '));
  return rest !== '' && !LABELS.has(rest);
}

/** A block without its leading template label ("Critical.", "**Incident Response.**"). */
function withoutLabel(text: string): string {
  const m = /^(\*\*|__)?([^*_.:\n]{1,60}?)[.:](\*\*|__)?[.:]?\s*/.exec(text);
  return m && LABELS.has(words(m[2]!)) ? text.slice(m[0].length) : text;
}

/** Splits a table row into its cells (outer pipes optional; `\|` is a pipe inside a cell). */
function cells(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Whether a section's lines (headings of subsections included) hold anything of the author's. */
function filled(lines: readonly string[]): boolean {
  let block: string[] = [];
  let found = false;
  const flush = () => {
    if (block.length > 0 && saysSomething(block.join(' '))) found = true;
    block = [];
  };
  let fence: string | null = null;
  for (let i = 0; i < lines.length && !found; i++) {
    const line = lines[i]!.trim();
    const opens = FENCE.exec(lines[i]!)?.[1];
    if (opens && (fence === null || fence === opens)) {
      fence = fence === null ? opens : null;
      flush();
      continue;
    }
    // Code (a config, a command) is the author's own, whatever it looks like.
    if (fence !== null) {
      if (line !== '') found = true;
      continue;
    }
    const isRow = line.startsWith('|') || (line.includes('|') && TABLE_RULE.test(lines[i + 1]?.trim() ?? ''));
    if (line === '' || HEADING.test(line) || TABLE_RULE.test(line)) {
      flush();
      continue;
    }
    if (isRow) {
      flush();
      // A header row (the next line is the rule) names columns; it is not content.
      if (TABLE_RULE.test(lines[i + 1]?.trim() ?? '')) continue;
      const row = cells(line);
      const values = row.length > 1 ? row.slice(1) : row;
      if (values.some(saysSomething)) found = true;
      continue;
    }
    const body = line.replace(/^(?:>[ \t]?)+/, '');
    if (LIST_MARKER.test(body)) flush();
    block.push(body.replace(LIST_MARKER, ''));
  }
  flush();
  return found;
}

/** Removes HTML comments (an unclosed one runs to the end, as a browser reads it). */
function withoutComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
}

/**
 * Each template section, in the template's order, and whether `markdown` fills it. A section
 * runs from its heading (any level) to the next heading of the same or a higher level, or to
 * the next template section's heading; a section the file lacks is not filled.
 */
export function assessmentProgress(markdown: string): AssessmentSection[] {
  const lines = withoutComments(markdown.replace(/\r\n?/g, '\n')).split('\n');
  const bodies = new Map<number, string[]>();
  let current: { index: number; level: number } | null = null;
  let fence: string | null = null;
  for (const line of lines) {
    const opens = FENCE.exec(line)?.[1];
    if (opens && (fence === null || fence === opens)) fence = fence === null ? opens : null;
    const heading = fence === null && !opens ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      const index = sectionOf(heading[2]!);
      if (index >= 0) {
        current = bodies.has(index) ? null : { index, level };
        if (current) bodies.set(index, []);
        continue;
      }
      if (current && level <= current.level) current = null;
    }
    if (current) bodies.get(current.index)!.push(line);
  }
  return TEMPLATE_SECTIONS.map((title, index) => ({ title, filled: filled(bodies.get(index) ?? []) }));
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
