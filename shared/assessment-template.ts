/**
 * The outline of CNCF TAG Security's self-assessment template
 * (community/assessments/guide/self-assessment.md): its eight top-level sections, each one's
 * subsections and bullet items, in the template's order. One list for the starter that writes
 * the outline (shared/assessment.ts) and the reader that measures how much of it a project filled
 * (shared/github/assessment-progress.ts), so the two cannot drift apart.
 */

/** One bullet item of a section ("Critical", "Vulnerability Response Process" one level in). */
export interface TemplateItem {
  readonly name: string;
  readonly depth: 0 | 1;
  /** A link the template gives on the item's name. */
  readonly link?: string;
}

/** One top-level section of the template. */
export interface TemplateSection {
  readonly title: string;
  /** Its `####` subsections, in the template's order. */
  readonly subsections: readonly string[];
  /** The same subsections in the template's table of contents, which lists them in another order. */
  readonly toc: readonly string[];
  readonly items: readonly TemplateItem[];
  /** The keys of its table (Metadata's: Assessment Stage, Software, …). */
  readonly fields: readonly string[];
}

const section = (
  title: string,
  subsections: readonly string[],
  items: readonly TemplateItem[] = [],
  toc = subsections,
  fields: readonly string[] = [],
): TemplateSection => ({ title, subsections, toc, items, fields });
const item = (name: string, depth: 0 | 1 = 0, link?: string): TemplateItem => (link ? { name, depth, link } : { name, depth });

/** The template's outline, section by section. */
export const TEMPLATE_OUTLINE: readonly TemplateSection[] = [
  section(
    'Metadata',
    ['Security links'],
    [],
    ['Security links'],
    ['Assessment Stage', 'Software', 'Security Provider', 'Languages', 'SBOM'],
  ),
  section(
    'Overview',
    ['Background', 'Actors', 'Actions', 'Goals', 'Non-goals'],
    [],
    ['Actors', 'Actions', 'Background', 'Goals', 'Non-goals'],
  ),
  section('Self-assessment use', []),
  section('Security functions and features', [], [item('Critical'), item('Security Relevant')]),
  section('Project compliance', [], [item('Compliance')]),
  section(
    'Secure development practices',
    [],
    [
      item('Development Pipeline'),
      item('Communication Channels'),
      item('Internal', 1),
      item('Inbound', 1),
      item('Outbound', 1),
      item('Ecosystem'),
    ],
  ),
  section(
    'Security issue resolution',
    [],
    [item('Responsible Disclosures Process'), item('Vulnerability Response Process', 1), item('Incident Response')],
  ),
  section(
    'Appendix',
    [],
    [
      item('Known Issues Over Time'),
      item('OpenSSF Best Practices', 0, 'https://www.bestpractices.dev/en'),
      item('Case Studies'),
      item('Related Projects / Vendors'),
    ],
  ),
];

/** The template's top-level section titles, in its order (what "N of 8 sections" counts). */
export const TEMPLATE_SECTIONS = TEMPLATE_OUTLINE.map((s) => s.title);

/** A heading's GitHub anchor ("Self-assessment use" → "self-assessment-use"). */
export function anchorOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
