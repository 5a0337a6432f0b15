/**
 * An SVG string from shared/insight-charts.ts → a DOM node the page can show under its strict CSP.
 * The builders escape every name (xml()), so text stays text; here the markup is parsed as XML
 * (never as HTML), only the drawing elements and attributes a chart uses are kept, and inline
 * `style` attributes — which the CSP blocks, even when merely parsed — are renamed before parsing
 * and set again through CSSOM, which the CSP allows (as the deck preview does).
 */

const ELEMENTS = new Set(['svg', 'title', 'desc', 'g', 'rect', 'line', 'text', 'tspan', 'path', 'circle', 'polyline', 'polygon']);
const ATTRIBUTES = new Set([
  'xmlns',
  'viewBox',
  'width',
  'height',
  'role',
  'aria-label',
  'aria-hidden',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'd',
  'points',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'data-chart-style',
]);
const STYLE = 'data-chart-style';

/** A parsed chart: its root element (in an inert XML document) ready to import. */
export function parseChart(svg: string): SVGSVGElement | null {
  // ` style="` only occurs as an attribute: xml() turns every `"` in text and values into &#34;.
  const renamed = svg.replace(/(<[a-zA-Z][^<>]*?\s)style="/g, `$1${STYLE}="`);
  const doc = new DOMParser().parseFromString(renamed, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    if (!ELEMENTS.has(el.localName)) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) if (!ATTRIBUTES.has(attr.name)) el.removeAttribute(attr.name);
  }
  return root as unknown as SVGSVGElement;
}

/** Imports a parsed chart into the page and sets its lifted styles through CSSOM. */
export function importChart(parsed: SVGSVGElement): SVGSVGElement {
  const copy = document.importNode(parsed, true);
  for (const el of [copy, ...Array.from(copy.querySelectorAll(`[${STYLE}]`))]) {
    const css = el.getAttribute(STYLE);
    if (css === null) continue;
    el.removeAttribute(STYLE);
    if (el instanceof SVGElement) el.style.cssText = css;
  }
  return copy;
}
