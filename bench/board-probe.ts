/**
 * In-page instrumentation of the board scenario, installed with `addInitScript` before any of
 * the page's scripts run. Everything is timed in the page with performance.now() (0 = the start
 * of the navigation, redirect included) and read back with `window.__palsBench.snapshot()`.
 * Plain JavaScript in a string: the bench compiles without DOM typings.
 */
import type { Page } from 'playwright-core';
import { PHASE_TITLES, PHASES } from '../shared/phases.js';

/** The six column titles, in board order (the UI contract names the column regions by them). */
export const COLUMN_TITLES: readonly string[] = PHASES.map((p) => PHASE_TITLES[p]);

/** A long task (> 50 ms) seen by the page's PerformanceObserver. */
export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/**
 * A long animation frame (> 50 ms, Long Animation Frames API): how much of it was script and
 * where the browser's own rendering (style, layout, paint) began; 0 when it did not render.
 */
export interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scriptMs: number;
  readonly forcedLayoutMs: number;
  /** What started the frame's longest script (e.g. "Response.json.then", "DOMWindow.onpointermove"). */
  readonly topScript: string;
}

/** Timings of one resource (Resource Timing), in page milliseconds. */
export interface ResourceTimes {
  readonly start: number;
  readonly requestStart: number;
  readonly responseStart: number;
  readonly responseEnd: number;
  readonly bytes: number;
}

/** What `window.__palsBench.snapshot()` returns once the board is ready. */
export interface LoadSnapshot {
  /** The first card's drag handle entered the DOM (React committed). */
  readonly firstCard: number;
  /** The first animation frame where six columns and the expected cards were present. */
  readonly ready: number;
  /** After that frame's style, layout and paint (a message posted from its rAF callback). */
  readonly painted: number;
  /** True when fewer cards than expected were rendered and the count stayed put (virtualized UI). */
  readonly partial: boolean;
  readonly cards: number;
  readonly domElements: number;
  readonly longTasks: readonly LongTask[];
  readonly longFrames: readonly LongFrame[];
  readonly getBoard: ResourceTimes | null;
}

/** Pointer-up to the card showing in its new column, read with `window.__palsBench.drop()`. */
export interface DropSnapshot {
  readonly pointerUp: number | null;
  readonly visible: number | null;
  readonly painted: number | null;
  /** The page sent its moveEngagement request (Resource Timing), and got the answer (sent once durable). */
  readonly moveSent: number | null;
  readonly moveAnswered: number | null;
  /** Long animation frames since pointer-up: the drop's re-render and the refetched board's. */
  readonly longFrames: readonly LongFrame[];
  /** performance.timeOrigin, to compare page times with this process's clock. */
  readonly timeOrigin: number;
}

const SOURCE = String.raw`(() => {
  const TITLES = __TITLES__;
  const expected = __EXPECTED__;
  const HANDLE = 'button[aria-label^="Drag "]';
  const STABLE_FRAMES = 10;
  const s = { firstCard: null, ready: null, painted: null, partial: false, cards: 0, longTasks: [], longFrames: [], frames: null, drag: null };
  window.__palsBench = s;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = e.scripts || [];
        s.longFrames.push({ start: e.startTime, duration: e.duration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart,
          scriptMs: scripts.reduce((n, x) => n + x.duration, 0), forcedLayoutMs: scripts.reduce((n, x) => n + (x.forcedStyleAndLayoutDuration || 0), 0),
          topScript: scripts.length ? scripts.reduce((a, b) => (b.duration > a.duration ? b : a)).invoker : '' });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const labelOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    return (el.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => (id && document.getElementById(id)?.textContent) || '').join(' ').trim();
  };
  const regions = () => Array.from(document.querySelectorAll('section[aria-labelledby], section[aria-label], [role="region"]'));
  const region = (title) => regions().find((el) => labelOf(el) === title) || null;
  const columnsPresent = () => {
    const names = new Set(regions().map(labelOf));
    return TITLES.every((t) => names.has(t));
  };
  const afterPaint = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn(performance.now());
    channel.port2.postMessage(0);
  };
  const observer = new MutationObserver(() => {
    if (s.firstCard === null && document.querySelector(HANDLE)) {
      s.firstCard = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  let last = -1, stable = 0, since = 0, sincePainted = null, generation = 0;
  const tick = () => {
    const now = performance.now();
    const count = document.querySelectorAll(HANDLE).length;
    const columns = columnsPresent();
    if (columns && count >= expected) {
      s.ready = now; s.cards = count;
      afterPaint((t) => { s.painted = t; });
      return;
    }
    if (columns && count > 0 && count === last) {
      if (++stable >= STABLE_FRAMES && sincePainted !== null) {
        s.ready = since; s.painted = sincePainted; s.cards = count; s.partial = true;
        return;
      }
    } else {
      stable = 0; since = now; sincePainted = null;
      const g = ++generation;
      afterPaint((t) => { if (g === generation) sincePainted = t; });
    }
    last = count;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  s.snapshot = () => {
    const board = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/api/getBoard');
    return {
      firstCard: s.firstCard, ready: s.ready, painted: s.painted, partial: s.partial, cards: s.cards,
      domElements: document.getElementsByTagName('*').length,
      longTasks: s.longTasks.slice(),
      longFrames: s.longFrames.slice(),
      getBoard: board ? { start: board.startTime, requestStart: board.requestStart, responseStart: board.responseStart,
        responseEnd: board.responseEnd, bytes: board.decodedBodySize } : null,
    };
  };
  s.startFrames = () => {
    const frames = [];
    let on = true;
    const loop = (ts) => { if (!on) return; frames.push(ts); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    const since = (list) => list.filter((t) => t.start + t.duration >= frames[0]);
    s.frames = { stop: () => { on = false; return { frames, longTasks: since(s.longTasks), longFrames: since(s.longFrames) }; } };
  };
  s.stopFrames = () => s.frames.stop();
  s.watchDrop = (name, title) => {
    const d = { pointerUp: null, visible: null, painted: null };
    s.drag = d;
    const handle = 'button[aria-label="' + CSS.escape('Drag ' + name) + '"]';
    addEventListener('pointerup', () => {
      d.pointerUp = performance.now();
      const deadline = d.pointerUp + 20000;
      const check = () => {
        const now = performance.now();
        if (region(title)?.querySelector(handle)) { d.visible = now; afterPaint((t) => { d.painted = t; }); return; }
        if (now < deadline) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }, { capture: true, once: true });
  };
  s.drop = () => {
    const d = s.drag;
    if (!d) return null;
    const move = performance.getEntriesByType('resource')
      .find((e) => new URL(e.name).pathname === '/api/moveEngagement' && d.pointerUp !== null && e.startTime >= d.pointerUp);
    const longFrames = s.longFrames.filter((f) => d.pointerUp !== null && f.start + f.duration >= d.pointerUp);
    return { ...d, longFrames, timeOrigin: performance.timeOrigin, moveSent: move ? move.startTime : null, moveAnswered: move && move.responseEnd > 0 ? move.responseEnd : null };
  };
  s.parseBoard = async () => {
    const t0 = performance.now();
    // The page's session token, where renderer/src/serve/serve-session.ts keeps it (SESSION_KEY).
    const token = localStorage.getItem('pals-serve-session') || '';
    const response = await fetch('/api/getBoard', { method: 'POST', headers: { 'content-type': 'application/json', 'x-pals-token': token }, body: '{}', credentials: 'omit' });
    const text = await response.text();
    if (!response.ok) throw new Error('getBoard answered ' + response.status + ': ' + text.slice(0, 200));
    const t1 = performance.now();
    JSON.parse(text);
    return { fetchMs: t1 - t0, parseMs: performance.now() - t1 };
  };
})();`;

/** The init script for a board of `expected` cards. */
export function probeScript(expected: number): string {
  return SOURCE.replace('__TITLES__', JSON.stringify(COLUMN_TITLES)).replace('__EXPECTED__', String(expected));
}

/**
 * Polls `expression` in the page until it is truthy. Not page.waitForFunction: that evals the
 * string inside the page, which the board's Content-Security-Policy (no 'unsafe-eval') refuses.
 */
export async function waitInPage(page: Page, expression: string, timeoutMs: number, pollMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate<unknown>(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** In-page expressions, so callers need not repeat the global's name. */
export const PROBE = {
  painted: 'window.__palsBench?.painted != null',
  snapshot: 'window.__palsBench.snapshot()',
  startFrames: 'window.__palsBench.startFrames()',
  stopFrames: 'window.__palsBench.stopFrames()',
  drop: 'window.__palsBench.drop()',
  parseBoard: 'window.__palsBench.parseBoard()',
  /** Two frames and a pause, so pending long-animation-frame entries are delivered. */
  settle: 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))',
  watchDrop: (name: string, title: string) => `window.__palsBench.watchDrop(${JSON.stringify(name)}, ${JSON.stringify(title)})`,
} as const;
