/**
 * The coordinator's own lines on a slide. Each line is a bullet; a line starting with two spaces
 * (or a tab) is a sub-point of the one above, as in the pilot deck ("Exposure to other projects"
 * → "Both teams and technology"). Every line is literal text (shared/deck/escape.ts).
 */
import { literal } from './escape.js';

/** True when a stored line is a sub-point. */
export function isSubPoint(line: string): boolean {
  return /^(?: {2,}|\t)/.test(line);
}

/** The lines as markdown bullets; blank lines are left out, and a sub-point with nothing above becomes a point. */
export function bullets(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const text = literal(line);
    if (!text) continue;
    out.push(isSubPoint(line) && out.length > 0 ? `  * ${text}` : `* ${text}`);
  }
  return out;
}

/** A URL as a markdown link destination that cannot end early or break the line. */
export function linkDestination(url: string): string {
  return `<${url.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))}>`;
}

/** A link bullet: "* Details for the nerds: [https://…](https://…)". */
export function linkBullet(label: string, url: string): string {
  const text = literal(url);
  return `* ${label.trim() ? `${literal(label)}: ` : ''}[${text}](${linkDestination(url)})`;
}
