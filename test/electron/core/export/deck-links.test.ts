/**
 * A deck's links go to the web (http(s)), to mail or within the deck; inline data is for the
 * pictures the deck builder embeds, never a link target: a link to `data:image/svg+xml,…` is a
 * document that can carry script, one click away in the exported HTML or PDF.
 */
import { describe, expect, it } from 'vitest';
import { renderDeck } from '../../../../electron/core/export/render-deck.js';
import { neutralizeMarkdown } from '../../../../shared/deck/custom-markdown.js';

const SVG = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=';

describe('links in a rendered deck', () => {
  it('keep only http(s), mailto and in-deck targets; data stays for images', () => {
    const custom = neutralizeMarkdown(
      `[click](${SVG}) [ref][1] [page](https://github.com/cncf/tag-security) [mail](mailto:pals@example.org) [top](#1)\n\n[1]: data:image/png;base64,iVBORw0KGgo=`,
    );
    const { html } = renderDeck(`${custom}\n\n---\n\n![chart](${SVG})\n`);
    const hrefs = [...html.matchAll(/<a\b[^>]*?href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://github.com/cncf/tag-security', 'mailto:pals@example.org', '#1']);
    expect(html).toContain('>click</a>');
    expect(html).toMatch(new RegExp(`<img src="${SVG.replace(/[+/]/g, '\\$&')}"`));
  });
});
