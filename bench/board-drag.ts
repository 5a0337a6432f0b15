/**
 * One mouse drag on a loaded board: press on the first Intake card's "Drag <name>" handle, move
 * in paced steps across three columns, release on "Self-assessment draft". Measures the frame
 * intervals during the drag (rAF timestamps in the page), pointer-up → card painted in its new
 * column (page clock), and mouse-up → the move durable on disk, pals.json or its journal (this process's clock).
 */
import { PHASE_TITLES, type Phase } from '../shared/phases.js';
import type { LoadedBoard } from './board-load.js';
import { PROBE, waitInPage, type DropSnapshot, type LongFrame, type LongTask } from './board-probe.js';
import { fileSignature, waitForPhaseOnDisk } from './board-durable.js';

const FROM: Phase = 'intake';
const TO: Phase = 'draft';
const STEPS = 30;
/** Pause between pointer moves: about one 60 Hz frame, so 30 steps take about half a second. */
const STEP_MS = 16;
/** How long to wait for the board refetch the store's change event triggers after a drop. */
const REFETCH_WAIT_MS = 10_000;

/** What one drag measured. */
export interface DragSample {
  readonly name: string;
  readonly id: string;
  /** Intervals between consecutive animation frames from mouse down to the last move. */
  readonly frameIntervals: readonly number[];
  readonly longTasks: readonly LongTask[];
  readonly longFrames: readonly LongFrame[];
  readonly durableMs: number;
  /** Pointer-up → the card painted in the target column; null if it never showed there. */
  readonly visibleMs: number | null;
  /** Mouse up dispatched by this process → the page handled pointerup (main thread busy before). */
  readonly inputDelayMs: number | null;
  /** Pointer-up → the page sent moveEngagement, and → its answer arrived (the server answers once durable). */
  readonly moveSentMs: number | null;
  readonly moveAnsweredMs: number | null;
  /** Long animation frames from pointer-up until the refetched board was handled. */
  readonly afterDropFrames: readonly LongFrame[];
  /** getBoard responses the page fetched after the drop (the store's change event). */
  readonly refetches: number;
  /** Mouse-up → the last of those responses received; null without any. */
  readonly refetchMs: number | null;
}

/** Page time from pointer-up to `at`, or null when either is unknown. */
const afterUp = (drop: DropSnapshot | null, at: number | null | undefined): number | null =>
  drop?.pointerUp != null && at != null ? at - drop.pointerUp : null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the getBoard refetches that follow a drop, until none arrived for a while. */
async function refetchesAfter(loaded: LoadedBoard, before: number, t0: number): Promise<{ count: number; ms: number | null }> {
  const { responses } = loaded.traffic;
  const deadline = performance.now() + REFETCH_WAIT_MS;
  while (responses.length === before && performance.now() < deadline) await sleep(20);
  let settled = responses.length;
  do {
    settled = responses.length;
    await Promise.all(responses.slice(before).map((r) => r.figures));
    await sleep(300);
  } while (responses.length !== settled);
  const figures = await Promise.all(responses.slice(before).map((r) => r.figures));
  const last = figures.length ? Math.max(...figures.map((f) => f.finishedAt)) : null;
  return { count: figures.length, ms: last === null ? null : last - t0 };
}

/** Drags the first Intake card to the draft column and waits until the move is on disk. */
export async function dragCard(loaded: LoadedBoard, dataDir: string, idOf: (name: string) => string | undefined): Promise<DragSample> {
  const { page } = loaded;
  const column = (phase: Phase) => page.getByRole('region', { name: PHASE_TITLES[phase], exact: true });
  const handle = column(FROM).locator('button[aria-label^="Drag "]').first();
  if ((await handle.count()) === 0) throw new Error(`no card left in ${PHASE_TITLES[FROM]} to drag; measure a larger --sizes`);
  const name = ((await handle.getAttribute('aria-label')) ?? '').slice('Drag '.length);
  const id = idOf(name);
  if (!id) throw new Error(`no seeded engagement is named "${name}"`);
  const from = await handle.boundingBox();
  const target = await column(TO).boundingBox();
  if (!from || !target) throw new Error('the drag handle or the target column is not laid out');
  const [sx, sy] = [from.x + from.width / 2, from.y + from.height / 2];
  const [ex, ey] = [target.x + target.width / 2, Math.min(Math.max(sy, target.y + 60), target.y + target.height - 10)];

  await page.mouse.move(sx, sy);
  await page.evaluate(PROBE.startFrames);
  await page.mouse.down();
  for (let i = 1; i <= STEPS; i++) {
    await page.mouse.move(sx + ((ex - sx) * i) / STEPS, sy + ((ey - sy) * i) / STEPS);
    await sleep(STEP_MS);
  }
  const { frames, longTasks, longFrames } = await page.evaluate<{ frames: number[]; longTasks: LongTask[]; longFrames: LongFrame[] }>(
    PROBE.stopFrames,
  );
  await page.evaluate(PROBE.watchDrop(name, PHASE_TITLES[TO]));
  const since = await fileSignature(dataDir);
  const fetched = loaded.traffic.responses.length;

  // Poll from before the release: mouse.up() resolves only once the page has handled the event (the drop's re-render).
  const t0 = performance.now();
  const durable = waitForPhaseOnDisk(dataDir, id, TO, since);
  await page.mouse.up();
  const durableAt = await durable;
  await waitInPage(page, `${PROBE.drop}?.painted != null`, 30_000).catch(() => null);
  const refetch = await refetchesAfter(loaded, fetched, t0);
  await page.evaluate(PROBE.settle);
  const drop = await page.evaluate<DropSnapshot | null>(PROBE.drop);
  return {
    name,
    id,
    frameIntervals: frames.slice(1).map((t, i) => t - frames[i]!),
    longTasks,
    longFrames,
    durableMs: durableAt - t0,
    inputDelayMs: drop?.pointerUp != null ? drop.timeOrigin + drop.pointerUp - (performance.timeOrigin + t0) : null,
    visibleMs: afterUp(drop, drop?.painted),
    moveSentMs: afterUp(drop, drop?.moveSent),
    moveAnsweredMs: afterUp(drop, drop?.moveAnswered),
    afterDropFrames: drop?.longFrames ?? [],
    refetches: refetch.count,
    refetchMs: refetch.ms,
  };
}
