/** Keeps the GitHub token out of text that leaves the core or a host (errors, reports, logs). */

/** Removes the token from any text that leaves the core (a hostile server could echo it). */
export function redact(text: string, token: string | null | undefined): string {
  if (!token || token.length < 4) return text;
  return text.split(token).join('[token]');
}
