/** The one link policy of sanitized HTML (note previews and deck slides). */

/**
 * A DOMPurify `afterSanitizeAttributes` step: keeps only http(s) hrefs, opened outside the app
 * (the desktop shell opens nothing else, so any other link would be a dead one).
 */
export function sendLinksOutside(node: Element): void {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (!/^https?:/i.test(href)) node.removeAttribute('href');
  else {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
}
