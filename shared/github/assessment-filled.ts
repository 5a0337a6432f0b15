/**
 * Whether a part of a self-assessment holds anything of the author's: text other than the
 * template's own prompts, HTML comments, bare item labels, placeholders such as `[project]`,
 * and draft markers ("TBD", "TODO", "TBA", "FIXME", "WIP", "Coming soon", "Pending", "To be
 * completed", "<fill in>", "Lorem ipsum"). Pure.
 *
 * The template's prompts are recognised by short phrases from them (a block that carries one is
 * the prompt, even if a line was appended to it), by being wholly in italics (the desk's own
 * starter, shared/assessment.ts, writes its prompts so) and by the `[project]` placeholder.
 */
import { TEMPLATE_OUTLINE } from '../assessment-template.js';
import { words } from './assessment-names.js';

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

/** The template's bullet labels (its items, and the older names of one): a bullet holding only its label says nothing yet. */
const LABELS = new Set([
  ...TEMPLATE_OUTLINE.flatMap((section) => section.items.map((i) => words(i.name))),
  'cii best practices',
  'open ssf best practices',
  'best practices',
]);

/** What a table's header row calls its columns (`| Doc | url |`): names, not content. */
const COLUMN_NAMES = new Set([
  '',
  'doc',
  'docs',
  'document',
  'url',
  'link',
  'links',
  'value',
  'values',
  'key',
  'name',
  'description',
  'details',
  'notes',
  'status',
  'item',
  'field',
  'answer',
]);

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_RULE = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])[ \t]+/;

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

/** Draft markers: a block of nothing but these (and punctuation) is still to be written. */
const PLACEHOLDER =
  /\b(?:tbd|tbc|tba|todo|fixme|xxx|wip|work in progress|coming soon|pending|placeholder|(?:to be|will be) (?:completed|written|added|determined|done|filled(?: in)?|provided|updated|confirmed|decided|announced|defined)(?: by(?: the)? \w+)?(?: later| soon)?|fill(?: this)? in(?: later)?)\b/g;

/** True when a block of text (a paragraph, a list item, a table cell) is more than the template left. */
export function saysSomething(block: string): boolean {
  const text = withoutLabel(block.trim());
  if (text === '') return false;
  // Wholly in italics: the starter's prompts (bold, `**…**`, is the author's own emphasis).
  if (/^_(?!_)[\s\S]*[^_\s]_$/.test(text) || /^\*(?!\*)[\s\S]*[^*\s]\*$/.test(text)) return false;
  if (/\[\s*project(?:\s+name)?\s*\]/i.test(text)) return false;
  // Wholly in square brackets (not a link): "[Describe the threat model here]".
  if (/^\[[^\]]*\]$/.test(text)) return false;
  const flat = plain(text);
  if (PROMPT_PHRASES.some((p) => flat.includes(p))) return false;
  const rest = words(text);
  if (rest.includes('lorem ipsum')) return false;
  const left = rest.replace(PLACEHOLDER, ' ').replace(/\s+/g, ' ').trim();
  return left !== '' && !LABELS.has(left);
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
export function filled(lines: readonly string[]): boolean {
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
      const row = cells(line);
      // A header row (the next line is the rule) names columns, unless it already holds a key and its value.
      if (TABLE_RULE.test(lines[i + 1]?.trim() ?? '')) {
        if (row.length > 1 && row.slice(1).some((c) => !COLUMN_NAMES.has(words(c)) && saysSomething(c))) found = true;
        continue;
      }
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
