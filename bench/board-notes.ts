/** The notes printed under the board table: how it was measured, and what the figures point at. */
import { FRAME_MS, frameWork, JITTER_MS, type BoardRun } from './board-figures.js';
import type { PayloadShares } from './board-payload.js';
import type { LongFrame } from './board-probe.js';
import { median } from './stats.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pct = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The scripts that started long frames, most frequent first, e.g. "Response.json.then ×5, DOMWindow.onpointermove ×2". */
function invokers(frames: readonly LongFrame[]): string {
  const counts = new Map<string, number>();
  for (const f of frames) counts.set(f.topScript || '(no script)', (counts.get(f.topScript || '(no script)') ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, n]) => `${name} ×${n}`)
    .join(', ');
}

function method(runs: readonly BoardRun[]): string[] {
  return [
    `${runs.length} runs, each a cold load in a fresh browser context (no cache, no cookie), 1440×900; one Chromium and one \`pals serve\` per size`,
    'interactive: page clock from navigation start (the one-time token traded for the session included) to the paint of the first frame with six named column regions and the cards',
    'long frames: the Long Animation Frames API (frames > 50 ms), split into script and the browser’s style + layout + paint',
    'drag: mouse down on the first Intake card\'s "Drag <name>" handle, 30 moves 16 ms apart into "Self-assessment draft", release; frame intervals are rAF timestamps from mouse down to the last move',
    'durable: this process polls pals.json and pals.journal (a change, pals.lock gone) from mouse up, then reads the journal (or parses pals.json) to confirm the phase',
  ];
}

function loadFindings(runs: readonly BoardRun[], expected: number, shares: PayloadShares): string[] {
  const partial = runs.filter((r) => r.load.partial);
  const cards = median(partial.map((r) => r.load.cards));
  const notes = [
    partial.length > 0
      ? `virtualized: the board rendered ${cards} of ${expected} cards; interactive = the first screenful (card count stable for 10 frames)`
      : `not virtualized: all ${expected} cards are in the DOM after load (${Math.round(median(runs.map((r) => r.load.domElements)) / expected)} elements a card)`,
  ];
  const bytes = median(runs.map((r) => r.wire.bytes));
  notes.push(
    `getBoard carries whole engagements: ${mb(bytes)} (${Math.round(bytes / expected)} B a card); note bodies are ${pct(shares.notesBytes, shares.engagementsBytes)} of the engagements; a card-only snapshot would be about ${mb(shares.cardOnlyBytes)}`,
  );
  const biggest = (r: BoardRun): LongFrame | undefined =>
    r.load.longFrames.filter((f) => f.start < r.load.painted).sort((a, b) => b.duration - a.duration)[0];
  const frames = runs.map(biggest).filter((f): f is LongFrame => f !== undefined);
  if (frames.length > 0) {
    const work = frames.map((f) => frameWork([f]));
    notes.push(
      `longest load frame (median ${ms(median(frames.map((f) => f.duration)))}): script ${ms(median(work.map((w) => w.scriptMs)))}, style + layout + paint ${ms(median(work.map((w) => w.renderMs)))}; its script starts at ${invokers(frames)} (the snapshot handed to the store, React rendering ${partial.length > 0 ? 'the cards in view' : 'every card'})`,
    );
  }
  return notes;
}

function dragFindings(runs: readonly BoardRun[], control: readonly number[]): string[] {
  const worst = Math.max(...runs.flatMap((r) => r.drag.frameIntervals));
  const slow = runs.reduce((n, r) => n + r.drag.frameIntervals.filter((i) => i > FRAME_MS + JITTER_MS).length, 0);
  const all = runs.reduce((n, r) => n + r.drag.frameIntervals.length, 0);
  const notes = [
    `drag frames over all runs: ${slow} of ${all} above ${FRAME_MS} ms (+${JITTER_MS} ms jitter), worst ${worst.toFixed(1)} ms`,
  ];
  const frames = runs.flatMap((r) => r.drag.longFrames);
  if (frames.length > 0) {
    const work = frameWork(frames);
    notes.push(
      `long frames during the drags: ${frames.length}, ${ms(work.scriptMs)} script and ${ms(work.renderMs)} style + layout + paint in all; started by ${invokers(frames)}`,
    );
  }
  const durable = median(runs.map((r) => r.drag.durableMs));
  notes.push(
    `drop → durable per run (ms): ${runs.map((r) => r.drag.durableMs.toFixed(0)).join(', ')}; the first write of a session also copies pals.json into backups/`,
  );
  if (control.length > 0) {
    const sent = median(runs.flatMap((r) => (r.drag.moveSentMs === null ? [] : [r.drag.moveSentMs])));
    notes.push(
      `control: the same move through the API with no page open is durable in ${ms(median(control))} (median; per move: ${control.map((c) => c.toFixed(0)).join(', ')} ms) against ${ms(durable)} from a drop, whose request leaves the page ${ms(sent)} after pointer-up`,
    );
  }
  const refetches = median(runs.map((r) => r.drag.refetches));
  if (refetches > 0) {
    const bytes = median(runs.map((r) => r.wire.bytes));
    const script = median(runs.map((r) => frameWork(r.drag.afterDropFrames).scriptMs));
    const after = runs.flatMap((r) => r.drag.afterDropFrames);
    notes.push(
      `after each drop the page refetches the whole board (${refetches} getBoard of ${mb(bytes)}, on the store's change event) and renders it again: ${ms(script)} of script in long frames from pointer-up on (${invokers(after)})`,
    );
  }
  return notes;
}

/** Method notes, then findings from the samples (payload, render vs layout, drag frames, the refetch after a drop). */
export function boardNotes(
  runs: readonly BoardRun[],
  control: readonly number[],
  seeded: { readonly count: number; readonly shares: PayloadShares },
): string[] {
  return [...method(runs), ...loadFindings(runs, seeded.count, seeded.shares), ...dragFindings(runs, control)];
}
