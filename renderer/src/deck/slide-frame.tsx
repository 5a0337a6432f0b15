/**
 * One slide in its own shadow root: marp's CSS is adopted as a constructed stylesheet (allowed
 * under the strict CSP, unlike <style>), so it cannot leak into the app nor the app's into it.
 */
import { useLayoutEffect, useRef } from 'react';
import { applyStyles, type Slide } from './sanitize-deck.js';

/** Layout inside each slide's shadow root: the 1280×720 svg scales to the frame's width. */
const FRAME_CSS = ':host{display:block}div.marpit>svg[data-marpit-svg]{display:block;width:100%;height:auto}';

/** Constructed stylesheets where the DOM has them (jsdom does not). */
export function canAdoptSheets(root: ShadowRoot): boolean {
  return typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in root;
}

const sheets = new Map<string, CSSStyleSheet>();
/** One sheet per deck CSS, shared by every slide's shadow root. */
function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${css}\n${FRAME_CSS}`);
    sheets.clear();
    sheets.set(css, sheet);
  }
  return sheet;
}

/** The slide's host element; its content is set outside React (it lives in the shadow root). */
export function SlideFrame({ slide, css }: { readonly slide: Slide; readonly css: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    if (canAdoptSheets(root)) root.adoptedStyleSheets = [sheetFor(css)];
    const wrapper = document.createElement('div');
    wrapper.className = 'marpit';
    const copy = document.importNode(slide.svg, true);
    wrapper.append(copy);
    root.replaceChildren(wrapper);
    applyStyles(copy, slide.styles);
  }, [slide, css]);
  return <div ref={host} className="slide-host" />;
}
