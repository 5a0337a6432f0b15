/** Child process of the store scenario: measures one subject (ours or naive) on a prepared data folder. */
import { serveChild } from './child.js';
import { MemorySampler, type MemoryPeak } from './memory.js';
import {
  measureBursts,
  measureCommands,
  measureEdits,
  measureLoadBreakdown,
  measureLoads,
  withoutSeal,
  type BurstFigures,
  type CommandFigures,
  type LoadBreakdown,
} from './store-measure.js';
import { naiveSubject, oursSubject } from './subjects.js';

/** What the parent asks one child to measure. */
export interface StoreChildInput {
  readonly subject: 'ours' | 'naive';
  readonly dir: string;
  readonly loadRuns: number;
  readonly burstRuns: number;
  readonly warmId: string;
  readonly editIds: readonly string[];
  readonly burstIds: readonly string[];
  /** First hours value of the bursts (edits use 1, 2, …) so the parent can check the file afterwards. */
  readonly burstHours: number;
}

/** Raw samples from one child; the parent turns them into table rows. */
export interface StoreChildOutput {
  readonly firstEditMs: number;
  /** Cold opens of the file as the session before left it (ours: sealed by the fold on close). */
  readonly loads: number[];
  /** Cold opens with no seal to trust (ours: the seal moved away; naive: the same as `loads`). */
  readonly loadsValidated: number[];
  readonly breakdown: LoadBreakdown;
  /** Ours only: open + one edit + close, as a CLI command, without and with the fold on close. */
  readonly commands: { readonly noFold: CommandFigures; readonly fold: CommandFigures } | null;
  readonly edits: number[];
  readonly editWrites: number;
  readonly bursts: BurstFigures;
  /** Closing the store after the bursts: flush, and for ours fold the change journal into pals.json. */
  readonly closeMs: number;
  /** rss/heap once modules are loaded, before any store is opened. */
  readonly idle: MemoryPeak;
  /** Heap an open store keeps alive: heapUsed after a full GC with the store open, minus before opening (null without gc()). */
  readonly retainedHeapBytes: number | null;
  readonly peak: MemoryPeak;
}

/** heapUsed after full collections, or null when the process was started without --expose-gc. */
function heapAfterGc(): number | null {
  if (!global.gc) return null;
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
}

/** Warm-up (first open and first edit of a session), loads, single edits, bursts; memory sampled throughout. */
export async function measureSubject(input: StoreChildInput): Promise<StoreChildOutput> {
  const idle = process.memoryUsage();
  const sampler = new MemorySampler();
  const tick = () => {
    sampler.sample();
  };
  const subject = input.subject === 'ours' ? oursSubject(input.dir) : naiveSubject(input.dir);

  // Warm-up: the first open (also measured for retained heap, while nothing else is alive) and the first edit.
  const heapBefore = heapAfterGc();
  const warm = await subject.open();
  const heapOpen = heapAfterGc();
  const [firstEditMs] = await measureEdits(warm, [input.warmId], 1, tick);
  await warm.close();

  const loads = await measureLoads(subject, input.loadRuns, tick);
  const loadsValidated =
    input.subject === 'ours' ? await withoutSeal(subject.file, () => measureLoads(subject, input.loadRuns, tick)) : loads;
  const breakdown = await measureLoadBreakdown(subject.file, input.loadRuns, tick);
  // Commands edit the same engagements as the single edits below (which set their hours again after).
  const commandIds = input.editIds.slice(0, input.loadRuns);
  const commands =
    input.subject === 'ours'
      ? {
          noFold: await measureCommands(input.dir, commandIds, 1, false, tick),
          fold: await measureCommands(input.dir, commandIds, 1, true, tick),
        }
      : null;

  const store = await subject.open();
  const before = store.writes();
  const edits = await measureEdits(store, input.editIds, 1, tick);
  const editWrites = store.writes() - before;
  const bursts = await measureBursts(store, input.burstIds, input.burstRuns, input.burstHours, tick);
  const closeStart = performance.now();
  await store.close();
  const closeMs = performance.now() - closeStart;
  return {
    firstEditMs: firstEditMs!,
    loads,
    loadsValidated,
    breakdown,
    commands,
    edits,
    editWrites,
    bursts,
    closeMs,
    idle: { rssBytes: idle.rss, heapUsedBytes: idle.heapUsed },
    retainedHeapBytes: heapBefore === null || heapOpen === null ? null : heapOpen - heapBefore,
    peak: sampler.stop(),
  };
}

await serveChild((input) => measureSubject(input as StoreChildInput));
