/**
 * The Chromium that pictures slides for a PPTX: JavaScript off, nothing loaded from the network
 * (the slide pages' own CSP), its pages and profile in a private temp folder that is removed, and
 * the browser gone afterwards — also when it is too slow and the export gives up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPages } from '../../../../electron/core/export/chromium-shots.js';
import { findChromium } from '../../../../electron/core/export/pdf.js';
import { renderSlidePages } from '../../../../electron/core/export/render-deck.js';

/** Processes whose command line names `text` (this user's, from /proc). */
function processesNaming(text: string): string[] {
  try {
    return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(text) && !line.includes('ps -eo'));
  } catch {
    return [];
  }
}

describe.skipIf(!findChromium())('picturing slides with Chromium', () => {
  let server: Server;
  let origin = '';
  const hits: string[] = [];
  let root = '';
  const savedTmp = process.env.TMPDIR;

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The browser's private folder is made under TMPDIR: a folder of this test's own, to look into.
    root = await mkdtemp(join(tmpdir(), 'pals-shots-test-'));
    process.env.TMPDIR = root;
  });

  afterAll(async () => {
    process.env.TMPDIR = savedTmp;
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it('runs no script, loads nothing, and leaves no folder and no browser behind', async () => {
    const [slide] = renderSlidePages('# Hello', 'Deck');
    // As if something had slipped past the deck builder: a remote picture, a style sheet, a frame.
    const hostile = slide!.html.replace(
      '</body>',
      `<img src="${origin}/img"><link rel="stylesheet" href="${origin}/css"><iframe src="${origin}/frame"></iframe></body>`,
    );
    // And a page with no CSP at all, whose script would call home if it ran.
    const scripted = `<!doctype html><html><body><p>x</p><script>fetch('${origin}/script'); document.title = 'ran';</script></body></html>`;
    const seen: string[] = [];
    const watch = setInterval(() => {
      void readdir(root).then((names) => seen.push(...names.filter((n) => !seen.includes(n))));
    }, 20);
    let shots: Uint8Array[];
    try {
      shots = await screenshotPages([hostile, scripted], process.env);
    } finally {
      clearInterval(watch);
    }
    expect(shots).toHaveLength(2);
    expect(Buffer.from(shots[0]!.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(hits).toEqual([]);
    // Its folder was private while it lived (0700), and is gone now; so is the browser.
    expect(seen.some((n) => n.startsWith('pals-pptx-'))).toBe(true);
    expect(await readdir(root)).toEqual([]);
    expect(processesNaming(root)).toEqual([]);
  }, 60_000);

  it('kills the browser and removes its folder when it takes too long', async () => {
    const pages = renderSlidePages('# One\n\n---\n\n# Two', 'Deck').map((p) => p.html);
    let mode: number | null = null;
    const watch = setInterval(() => {
      void readdir(root).then(async (names) => {
        const dir = names.find((n) => n.startsWith('pals-pptx-'));
        if (dir && mode === null) mode = (await stat(join(root, dir)).catch(() => null))?.mode ?? null;
      });
    }, 5);
    try {
      await expect(screenshotPages(pages, process.env, 1)).rejects.toThrow(/took more than/);
    } finally {
      clearInterval(watch);
    }
    expect(await readdir(root)).toEqual([]);
    expect(processesNaming(root)).toEqual([]);
    if (mode !== null) expect(mode & 0o777).toBe(0o700);
  }, 60_000);
});
