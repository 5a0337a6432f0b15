// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../renderer/src/markdown/render-markdown.js';

const dom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    const out = dom(
      renderMarkdown('# Follow-up\n\n- **SBOM** status\n- [docs](https://github.com/cncf/tag-security)\n\n| a | b |\n|---|---|\n| 1 | 2 |'),
    );
    expect(out.querySelector('h1')?.textContent).toBe('Follow-up');
    expect(out.querySelector('strong')?.textContent).toBe('SBOM');
    const link = out.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://github.com/cncf/tag-security');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out.querySelector('td')?.textContent).toBe('1');
  });

  it('shows pasted HTML as text and runs no script', () => {
    const out = dom(
      renderMarkdown('<script>window.pwned=1</script><img src=x onerror="window.pwned=1"><iframe src="https://evil.example"></iframe>'),
    );
    expect(out.querySelector('script, iframe, [onerror]')).toBeNull();
    expect(out.textContent).toContain('<script>window.pwned=1</script>');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('drops javascript:, data:text, file: and mailto: links but keeps their text (the app opens http(s) only)', () => {
    for (const href of [
      'mailto:maintainers@example.org',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
    ]) {
      const out = dom(renderMarkdown(`[click me](${href})`));
      expect(out.textContent, href).toContain('click me');
      const a = out.querySelector('a');
      expect(a?.getAttribute('href') ?? null, href).toBeNull();
    }
  });

  it('leaves an e-mail address as text, not a link the app could not open', () => {
    const out = dom(renderMarkdown('write to maintainers@example.org'));
    expect(out.textContent).toContain('maintainers@example.org');
    expect(out.querySelector('a')).toBeNull();
  });

  it('never loads remote images', () => {
    const out = dom(renderMarkdown('![tracker](https://evil.example/pixel.png) ![ok](data:image/png;base64,iVBORw0KGgo=)'));
    const [remote, inline] = [...out.querySelectorAll('img')];
    expect(remote?.getAttribute('src')).toBeNull();
    expect(remote?.getAttribute('data-blocked')).toBe('remote image not loaded');
    expect(inline?.getAttribute('src')).toMatch(/^data:image\/png/);
  });

  it('keeps Marp directives, front-matter fences and right-to-left text as text', () => {
    const out = dom(renderMarkdown('<!-- _class: lead -->\n\n---\n\nمرحبا שלום 👩🏽‍💻'));
    expect(out.textContent).toContain('<!-- _class: lead -->');
    expect(out.querySelector('hr')).not.toBeNull();
    expect(out.textContent).toContain('مرحبا שלום 👩🏽‍💻');
  });

  it('handles a 200 KB note', () => {
    const big = '- item with `code` and **bold**\n'.repeat(7000);
    expect(big.length).toBeGreaterThan(200_000);
    expect(dom(renderMarkdown(big)).querySelectorAll('li')).toHaveLength(7000);
  });
});
