/**
 * Which of the template's eight sections a heading names, however a project wrote it: numbered
 * ("6. Critical Security Functions"), renamed ("Security processes", "Security and Vulnerability
 * Management", "9. Vulnerability Reporting & Incident Response"), in the older template's words
 * ("Security analysis", "Critical functions"), bold, or as one of the section's own items or
 * subsections ("Vulnerability Response Process", "Case Studies", "Actors"), which is how a
 * section flattened into sibling headings or nested inside another still counts as written.
 */
import { TEMPLATE_OUTLINE } from '../assessment-template.js';

/** Lowercase words only: how headings and labels are compared. */
export function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A heading without its numbering ("1.", "2.3)", "A.", "Section 4:"). */
function unnumbered(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/^(?:section\s+)?(?:\d+(?:\.\d+)*[.):]?|[A-Z][.)])\s+/i, '');
}

/** Other names a section goes by (matched against the heading's words), beside its own items and subsections. */
const ALIASES: readonly (readonly RegExp[])[] = [
  [/^(?:project |assessment )?meta ?data(?: and security links)?$/, /^project (?:information|info|details)$/],
  [/^(?:project )?overview\b/, /^(?:\w+ ){0,2}overview$/, /^(?:actors and actions|goals and non goals|non goals and goals)$/],
  [
    /^self ?assessment use$/,
    /^(?:use of|using) (?:this |the )?self ?assessment$/,
    /^purpose of this (?:document|self ?assessment|assessment)$/,
  ],
  [
    /^(?:critical )?security functions?(?: and features)?$/,
    /^security features(?: and functions)?$/,
    /^critical(?: security)? (?:functions?|components|features)$/,
    /^security analysis$/,
  ],
  [/^(?:\w+ )?compliance$/],
  [
    /^(?:secure )?(?:software )?development (?:practices|process(?:es)?|lifecycle)$/,
    /^secure (?:software )?development(?: lifecycle)?$/,
    /^(?:secure )?(?:development|deployment|build|release) pipeline$/,
  ],
  [
    /\bissue resolution\b/,
    /^security (?:processes|process|response)$/,
    /^security and vulnerability (?:management|handling|response)$/,
    /^vulnerabilit(?:y|ies) (?:reporting|management|response|disclosure|handling)\b/,
    /^(?:responsible )?disclosures?(?: process)?$/,
    /^(?:security )?incident response(?: process)?$/,
  ],
  [
    /^(?:appendix|appendices)\b/,
    /^known issues\b/,
    /\b(?:cii|openssf|open ssf|core infrastructure)\b.*\bbest practices\b/,
    /^(?:adopters and )?case studies\b/,
    /^related projects\b/,
  ],
];

const OWN_NAMES: readonly ReadonlySet<string>[] = TEMPLATE_OUTLINE.map(
  (s) => new Set([s.title, ...s.subsections, ...s.items.map((i) => i.name)].map(words)),
);

/** The index in TEMPLATE_OUTLINE of the section a heading names, or -1 (an ordinary heading). */
export function sectionOfHeading(heading: string): number {
  const key = words(unnumbered(heading));
  if (key === '') return -1;
  const own = OWN_NAMES.findIndex((names) => names.has(key));
  return own >= 0 ? own : ALIASES.findIndex((forms) => forms.some((re) => re.test(key)));
}
