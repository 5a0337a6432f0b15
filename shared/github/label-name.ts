/**
 * Which label names the desk will use, checked wherever a coordinator gives one (`pals labels
 * set`, the rules table) and again before write-back sends one. GitHub takes names of up to 50
 * characters; beyond that, a name must survive being a segment of a request path: `.` and `..`
 * are folder steps in a web address (`…/labels/.` is `…/labels/`, GitHub's "remove every label"
 * route), so they, and names made only of dots, slashes and spaces, are refused, as are empty
 * names and control characters.
 */

/** GitHub's longest label name (its API answers 422 beyond it). */
export const MAX_LABEL_LENGTH = 50;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const ONLY_DOTS_AND_SLASHES = /^[./\\\s]+$/;

/** Why `name` cannot be a label the desk sets, removes or matches, or null when it can. */
export function labelNameProblem(name: string): string | null {
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 59)}…` : name);
  if (name.trim() === '') return 'a label must not be empty';
  if (CONTROL.test(name)) return `the label ${shown} has a control character (a line break, a tab…); GitHub labels are one line of text`;
  if (name.trim().length > MAX_LABEL_LENGTH) return `the label ${shown} is longer than ${MAX_LABEL_LENGTH} characters, GitHub's limit`;
  if (ONLY_DOTS_AND_SLASHES.test(name)) {
    return `the label ${shown} is only dots and slashes, which a web address reads as folder steps (a request for it could reach another label, or all of them); choose a name with a letter or digit`;
  }
  return null;
}
