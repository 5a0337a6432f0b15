/**
 * How the deck's Marp is configured, in one place: the renderer (electron/core/export/render-deck.ts)
 * and the custom-slide check (custom-markdown-check.ts) must parse the same markdown the same way.
 * Offline and inert: no script, no math, no emoji CDN, no raw HTML.
 */
export const MARP_OPTIONS = {
  script: false,
  math: false,
  html: false,
  emoji: { shortcode: false, unicode: false },
  minifyCSS: false,
} as const;
