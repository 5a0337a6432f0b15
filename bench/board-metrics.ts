/** Table rows of the board scenario: medians over the runs, plus worst runs and the API control. */
import { blockingMs, countOver, FRAME_MS, frameWork, JITTER_MS, loadFrames, loadTasks, longestMs, type BoardRun } from './board-figures.js';
import type { Budget, Metric, Unit } from './scenario.js';
import { median } from './stats.js';

const INTERACTIVE: Budget = { max: 1000, text: 'board interactive ≤ 1,000 ms (median)' };
const DOM: Budget = { max: 1500, text: 'DOM ≤ 1,500 elements after load' };
const HEAP: Budget = { max: 300 * 1024 * 1024, text: 'page JS heap ≤ 300 MB after load' };
const FRAME_TYPICAL: Budget = {
  max: FRAME_MS + JITTER_MS,
  text: 'drag frames ≤ 16.7 ms typical (median interval, 1 ms vsync jitter allowed)',
};
const FRAME_WORST: Budget = { max: 33, text: 'drag frames ≤ 33 ms worst (median over runs of the worst interval)' };
const DURABLE: Budget = { max: 100, text: 'drop → durable on disk ≤ 100 ms (median)' };

/** id, label, unit, the per-run figure (its median over runs is shown), optional budget. */
type Row = readonly [string, string, Unit, (r: BoardRun) => number | null | undefined, Budget?];

const responseEnd = (r: BoardRun) => r.load.getBoard?.responseEnd ?? Number.NaN;
const frames = (r: BoardRun) => r.drag.frameIntervals;

const LOAD: readonly Row[] = [
  ['load.interactive', 'board interactive (navigation → painted), median', 'ms', (r) => r.load.painted, INTERACTIVE],
  ['load.boot', '  page + script boot (→ getBoard sent)', 'ms', (r) => r.load.getBoard?.requestStart],
  ['load.server', '  getBoard server time (sent → first byte)', 'ms', (r) => r.wire.serverMs],
  [
    'load.download',
    '  getBoard download (first → last byte)',
    'ms',
    (r) => responseEnd(r) - (r.load.getBoard?.responseStart ?? Number.NaN),
  ],
  ['load.render', '  response → cards in DOM (parse, React render, commit)', 'ms', (r) => r.load.firstCard - responseEnd(r)],
  ['load.parse', '    of which JSON.parse alone (separate probe)', 'ms', (r) => r.parse.parseMs],
  ['load.paint', '  cards in DOM → painted (style, layout, paint)', 'ms', (r) => r.load.painted - r.load.firstCard],
  ['load.frames.script', 'script in long frames during load', 'ms', (r) => frameWork(loadFrames(r)).scriptMs],
  ['load.frames.render', 'style + layout + paint in long frames during load', 'ms', (r) => frameWork(loadFrames(r)).renderMs],
  ['getBoard.bytes', 'getBoard response body', 'bytes', (r) => r.wire.bytes],
  ['load.cards', 'cards rendered', 'count', (r) => r.load.cards],
  ['dom.elements', 'DOM elements after load', 'count', (r) => r.load.domElements, DOM],
  ['heap.used', 'page JS heap after load', 'bytes', (r) => r.heapUsedBytes, HEAP],
  ['heap.afterGc', 'page JS heap after a forced GC', 'bytes', (r) => r.heapAfterGcBytes],
  ['load.longTasks', 'long tasks (> 50 ms) during load', 'count', (r) => loadTasks(r).length],
  ['load.longestTask', 'longest task during load', 'ms', (r) => longestMs(loadTasks(r))],
  ['load.blocking', 'total blocking time during load', 'ms', (r) => blockingMs(loadTasks(r))],
];

const DRAG: readonly Row[] = [
  ['drag.frames', 'drag: frames from mouse down to last move', 'count', (r) => frames(r).length],
  ['drag.frame.p50', 'drag: frame interval, median', 'ms', (r) => median(frames(r)), FRAME_TYPICAL],
  ['drag.frame.max', 'drag: frame interval, worst', 'ms', (r) => Math.max(...frames(r)), FRAME_WORST],
  ['drag.over16', `drag: frames > ${FRAME_MS} ms (+${JITTER_MS} ms jitter)`, 'count', (r) => countOver(frames(r), FRAME_MS + JITTER_MS)],
  ['drag.over33', 'drag: frames > 33 ms', 'count', (r) => countOver(frames(r), 33)],
  ['drag.longTasks', 'drag: long tasks (> 50 ms)', 'count', (r) => r.drag.longTasks.length],
  ['drop.input', 'drop: mouse up → pointerup handled (input delay)', 'ms', (r) => r.drag.inputDelayMs],
  ['drop.visible', 'drop → card painted in its new column', 'ms', (r) => r.drag.visibleMs],
  ['drop.sent', 'drop → moveEngagement request sent', 'ms', (r) => r.drag.moveSentMs],
  ['drop.answered', 'drop → moveEngagement answered (durable)', 'ms', (r) => r.drag.moveAnsweredMs],
  ['drop.durable', 'drop → durable on disk, median', 'ms', (r) => r.drag.durableMs, DURABLE],
];

const REFETCH: readonly Row[] = [
  ['drop.refetches', 'getBoard refetches after a drop', 'count', (r) => r.drag.refetches],
  ['drop.refetched', 'drop → refetched board received', 'ms', (r) => r.drag.refetchMs],
  ['drop.script', 'after the drop: script in long frames (drop + refetch)', 'ms', (r) => frameWork(r.drag.afterDropFrames).scriptMs],
];

function rows(runs: readonly BoardRun[], specs: readonly Row[]): Metric[] {
  return specs.map(([id, label, unit, figure, budget]) => {
    const ours = median(runs.map((r) => figure(r) ?? Number.NaN).filter(Number.isFinite));
    return { id, label, unit, ours, ...(budget ? { budget } : {}) };
  });
}

/** The rows for a size; `controlMs`: API moves → durable with no page open. */
export function boardMetrics(runs: readonly BoardRun[], controlMs: readonly number[]): Metric[] {
  const [interactive, ...load] = rows(runs, LOAD);
  const worst = (id: string, label: string, f: (r: BoardRun) => number): Metric => ({
    id,
    label,
    unit: 'ms',
    ours: Math.max(...runs.map(f)),
  });
  return [
    interactive!,
    worst('load.interactive.max', 'board interactive, worst run', (r) => r.load.painted),
    ...load,
    ...rows(runs, DRAG),
    worst('drop.durable.max', 'drop → durable on disk, worst run', (r) => r.drag.durableMs),
    { id: 'api.durable', label: 'control: API move → durable, no page open', unit: 'ms', ours: median(controlMs) },
    ...rows(runs, REFETCH),
  ];
}
