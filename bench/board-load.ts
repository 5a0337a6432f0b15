/**
 * One cold load of the board in a fresh browser context: navigation (and the one-time token traded for the session)
 * until six columns and the cards are painted, the getBoard response as the page saw it, the
 * DOM size, the page's JS heap and the long tasks of the load.
 */
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { PROBE, probeScript, waitInPage, type LoadSnapshot } from './board-probe.js';

const VIEWPORT = { width: 1440, height: 900 };
const LOAD_TIMEOUT_MS = 120_000;

/** getBoard as seen on the wire (page.on('response')): body bytes and server time (request sent → first byte). */
export interface WireFigures {
  readonly bytes: number;
  readonly serverMs: number;
  /** performance.now() in this process when the response finished. */
  readonly finishedAt: number;
}

/** Every getBoard response of a page, in arrival order. */
export class BoardTraffic {
  readonly responses: { readonly seenAt: number; readonly figures: Promise<WireFigures> }[] = [];

  constructor(page: Page) {
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/getBoard') this.responses.push({ seenAt: performance.now(), figures: wire(response) });
    });
  }
}

async function wire(response: Response): Promise<WireFigures> {
  const request = response.request();
  const sizes = await request.sizes();
  const timing = request.timing();
  return { bytes: sizes.responseBodySize, serverMs: timing.responseStart - timing.requestStart, finishedAt: performance.now() };
}

/** A loaded board page; close the context when done with it. */
export interface LoadedBoard {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly traffic: BoardTraffic;
  readonly snapshot: LoadSnapshot;
  readonly wire: WireFigures;
  /** performance.memory-equivalent heap figures from CDP (Runtime.getHeapUsage). */
  readonly heapUsedBytes: number;
  readonly heapAfterGcBytes: number;
}

/** Opens `url` in a new context and waits until the board of `expected` cards is painted. */
export async function loadBoard(browser: Browser, url: string, expected: number): Promise<LoadedBoard> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: probeScript(expected) });
    const page = await context.newPage();
    const traffic = new BoardTraffic(page);
    await page.goto(url, { waitUntil: 'commit' });
    await waitInPage(page, PROBE.painted, LOAD_TIMEOUT_MS);
    const snapshot = await page.evaluate<LoadSnapshot>(PROBE.snapshot);
    const first = traffic.responses[0];
    if (!first) throw new Error('the board painted without a getBoard response');
    const figures = await first.figures;
    const cdp = await context.newCDPSession(page);
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return { context, page, traffic, snapshot, wire: figures, heapUsedBytes: usedSize, heapAfterGcBytes: afterGc.usedSize };
  } catch (error) {
    await context.close();
    throw error;
  }
}
