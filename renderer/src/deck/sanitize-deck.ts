/**
 * marp-core's HTML → sanitized slides. DOMPurify (its own instance, so the note preview's hooks
 * stay separate) keeps SVG, foreignObject, section and marp's data attributes, and images only
 * as inline data (the core inlines the charts). Inline `style` attributes are blocked by the
 * CSP — even parsing one into a DOMParser document counts as applying it — so before anything
 * parses the HTML they are renamed to `data-pals-style` (marp escapes every `"` in text and
 * attribute values, so ` style="` only occurs as an attribute), and re-applied through CSSOM
 * (`applyStyles`), which is allowed.
 */
import DOMPurify from 'dompurify';
import { sendLinksOutside } from '../markdown/outside-links.js';

/** One slide: the `<svg data-marpit-svg>` and the inline styles of it and its descendants. */
export interface Slide {
  readonly svg: Element;
  readonly styles: readonly (readonly [path: readonly number[], css: string])[];
}

let purify: ReturnType<typeof DOMPurify> | null = null;
function instance(): ReturnType<typeof DOMPurify> {
  if (purify) return purify;
  purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    sendLinksOutside(node);
    if (node.tagName === 'IMG' && !/^data:image\/(svg\+xml|png|gif|jpeg|webp)[;,]/i.test(node.getAttribute('src') ?? '')) {
      node.removeAttribute('src');
    }
  });
  return purify;
}

/** The child-index path from `root` to `el`. */
function pathOf(root: Element, el: Element): number[] {
  const path: number[] = [];
  for (let at: Element = el; at !== root && at.parentElement; at = at.parentElement) {
    path.unshift(Array.from(at.parentElement.children).indexOf(at));
  }
  return path;
}

/** Sanitizes the deck and splits it into slides (styles lifted off into a list). */
export function sanitizeDeck(html: string): Slide[] {
  const renamed = html.replace(/(<[a-zA-Z][^<>]*?\s)style="/g, '$1data-pals-style="');
  const clean = instance().sanitize(renamed, {
    USE_PROFILES: { html: true, svg: true },
    ADD_TAGS: ['foreignObject', 'section'],
    ADD_ATTR: ['viewBox', 'width', 'height', 'target', 'rel'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: true,
    // marp puts each slide's HTML <section> inside an SVG <foreignObject>.
    HTML_INTEGRATION_POINTS: { foreignobject: true, 'annotation-xml': true },
    // DOMPurify checks every attribute value against this, so it must also pass values without a
    // scheme (viewBox="0 0 1280 720", relative ids) as its default does.
    ALLOWED_URI_REGEXP: /^(?:https?:|#|data:image\/(?:svg\+xml|png|gif|jpeg|webp)[;,]|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'button'],
  });
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${clean}`, 'text/html');
  const svgs = Array.from(inert.querySelectorAll('svg[data-marpit-svg]'));
  return svgs.map((svg) => {
    const styles: (readonly [number[], string])[] = [];
    for (const el of [svg, ...Array.from(svg.querySelectorAll('[data-pals-style]'))]) {
      const css = el.getAttribute('data-pals-style');
      if (css === null) continue;
      el.removeAttribute('data-pals-style');
      styles.push([pathOf(svg, el), css] as const);
    }
    return { svg, styles };
  });
}

/** Re-applies a slide's lifted styles to its inserted copy, through CSSOM. */
export function applyStyles(copy: Element, styles: Slide['styles']): void {
  for (const [path, css] of styles) {
    let el: Element | undefined = copy;
    for (const index of path) el = el?.children[index];
    if (el instanceof HTMLElement || el instanceof SVGElement) el.style.cssText = css;
  }
}
