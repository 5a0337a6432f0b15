/**
 * The core's change feed: each burst of store changes (one turn of the event loop) becomes one
 * numbered `boardChanged` event carrying the cards that changed, so every page (this window,
 * another window, a browser under `pals serve`) updates in place instead of refetching the board.
 * Another process's change (the CLI) is diffed the same way when the store applied it as a delta
 * (its journal lines, untouched engagements keeping their identity); only a document replaced
 * whole (pals.json re-read, a restore) says "reload".
 */
import type { BoardChange } from '../../shared/api.js';
import { boardDelta } from '../../shared/view.js';
import type { PalsStore } from './store/store.js';
import { attributeChange } from './call-scope.js';

/** A running feed. */
export interface ChangeFeed {
  /** The last change sent: a snapshot read now reflects it (and perhaps part of the next, which repeats it). */
  readonly seq: () => number;
  readonly stop: () => void;
}

/** Follows `store`; `send` gets one event per burst (never an empty one). */
export function startChangeFeed(store: PalsStore, today: () => string, send: (change: BoardChange) => void): ChangeFeed {
  let seq = 0;
  let last = store.doc;
  let external = false;
  let replaced = false;
  let calls = new Set<string>();
  let unattributed = false;
  let timer: NodeJS.Immediate | null = null;

  const flush = () => {
    timer = null;
    const next = store.doc;
    const origin = external ? 'external' : 'local';
    let delta = null;
    try {
      delta = replaced ? null : boardDelta(last, next, today());
    } catch {
      // A page that cannot be told what changed is told to reload: never a silent miss.
    }
    const by = { calls: [...calls], unattributed: unattributed || external };
    external = false;
    replaced = false;
    calls = new Set();
    unattributed = false;
    last = next;
    if (delta && delta.cards.length === 0 && delta.removed.length === 0 && !delta.settings) return;
    seq += 1;
    send(delta ? { origin, seq, ...by, kind: 'cards', ...delta } : { origin, seq, ...by, kind: 'reload' });
  };

  const unsubscribe = store.onChange((_doc, origin, kind) => {
    const call = origin === 'local' ? attributeChange() : null;
    if (call) calls.add(call);
    else unattributed = true;
    if (origin === 'external') external = true;
    // A document replaced whole shares nothing with the last one: comparing would list every card.
    if (kind === 'reload') replaced = true;
    timer ??= setImmediate(flush);
  });
  return {
    seq: () => seq,
    stop: () => {
      unsubscribe();
      if (timer) clearImmediate(timer);
    },
  };
}
