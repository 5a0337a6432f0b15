/**
 * Markdown → safe HTML for note previews. Two layers: markdown-it with raw HTML off (pasted
 * HTML shows as text), then DOMPurify with an allow-list. Links survive only if http(s) — the
 * only links the desktop shell opens — and open outside the app; images survive only as inline data (no remote loads, which
 * would also leak that a note was opened).
 */
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { sendLinksOutside } from './outside-links.js';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

// markdown-it already refuses javascript:/vbscript:/file: links; keep data: only for images.
md.validateLink = (url: string) => /^(https?:|#)/i.test(url.trim()) || /^data:image\/(png|gif|jpeg|webp);/i.test(url.trim());

const ALLOWED_TAGS = [
  'a',
  'p',
  'br',
  'hr',
  'em',
  'strong',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'input',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'type', 'checked', 'disabled', 'start', 'align'];

let hooked = false;
function installHooks(purify: typeof DOMPurify): void {
  if (hooked) return;
  hooked = true;
  purify.addHook('afterSanitizeAttributes', (node) => {
    sendLinksOutside(node);
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!/^data:image\/(png|gif|jpeg|webp);/i.test(src)) {
        node.removeAttribute('src');
        node.setAttribute('data-blocked', 'remote image not loaded');
      }
    }
    if (node.tagName === 'INPUT' && node.getAttribute('type') !== 'checkbox') node.remove();
  });
}

/** Safe HTML for a note's markdown (for `dangerouslySetInnerHTML` in the preview only). */
export function renderMarkdown(text: string): string {
  installHooks(DOMPurify);
  return DOMPurify.sanitize(md.render(text), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel', 'data-blocked'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|data:image\/(?:png|gif|jpeg|webp);)/i,
  });
}
