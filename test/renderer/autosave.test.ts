import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../../renderer/src/notes/autosave.js';
import type { Journal, SaveOutcome } from '../../renderer/src/notes/save-types.js';

/** A save whose calls the test answers one by one. */
function controlledSave() {
  const calls: { value: string; saved: string | null; answer: (outcome: SaveOutcome) => void }[] = [];
  const save = (value: string, saved: string | null) =>
    new Promise<SaveOutcome>((resolve) => {
      calls.push({ value, saved, answer: resolve });
    });
  return { calls, save };
}

function memoryJournal(): Journal<string> & { value: string | null } {
  const journal = {
    value: null as string | null,
    write: (v: string) => {
      journal.value = v;
    },
    clear: () => {
      journal.value = null;
    },
  };
  return journal;
}

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('coalesces a burst of keystrokes into one save 400 ms after the last', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: '', save });
    expect(engine.state()).toEqual({ kind: 'saved' });
    for (const text of ['h', 'he', 'hel', 'hell', 'hello']) {
      engine.update(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(engine.state()).toEqual({ kind: 'saving' });
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.value)).toEqual(['hello']);
    calls[0]!.answer({ ok: true });
    await settle();
    expect(engine.state()).toEqual({ kind: 'saved' });
  });

  it('saves at most every 2 s while typing goes on', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: '', save });
    let text = '';
    for (let i = 0; i < 25; i++) {
      text += 'x';
      engine.update(text);
      await vi.advanceTimersByTimeAsync(100);
      calls.at(-1)?.answer({ ok: true });
    }
    // 2.5 s of typing, a keystroke every 100 ms: one save at the 2 s mark, none after 400 ms of quiet yet.
    expect(calls.map((c) => c.value.length)).toEqual([20]);
  });

  it('never has two saves in flight; the latest text wins', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: 'a', save });
    engine.update('ab');
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((c) => c.value)).toEqual(['ab']);
    engine.update('abc');
    engine.update('abcd');
    await vi.advanceTimersByTimeAsync(400);
    void engine.flush();
    expect(calls).toHaveLength(1); // the second waits for the first
    calls[0]!.answer({ ok: true });
    await settle();
    expect(calls.map((c) => [c.value, c.saved])).toEqual([
      ['ab', 'a'],
      ['abcd', 'ab'],
    ]);
    calls[1]!.answer({ ok: true });
    await settle();
    expect(engine.state()).toEqual({ kind: 'saved' });
  });

  it('keeps the text after a failure, says why, and retries on the next keystroke or flush', async () => {
    const { calls, save } = controlledSave();
    const journal = memoryJournal();
    const engine = createAutosave({ initial: '', save, journal });
    engine.update('draft');
    expect(journal.value).toBe('draft');
    await vi.advanceTimersByTimeAsync(400);
    calls[0]!.answer({ ok: false, message: 'the core is not reachable' });
    await settle();
    expect(engine.state()).toEqual({ kind: 'failed', message: 'the core is not reachable' });
    expect(engine.latest()).toBe('draft');
    expect(journal.value).toBe('draft');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1); // no retry storm: it waits for the user
    engine.update('draft 2');
    expect(engine.state().kind).toBe('failed'); // still true until the retry starts
    await vi.advanceTimersByTimeAsync(400);
    expect(engine.state()).toEqual({ kind: 'saving' });
    calls[1]!.answer({ ok: false, message: 'still down' });
    await settle();
    void engine.flush(); // the Retry button
    expect(calls.map((c) => c.value)).toEqual(['draft', 'draft 2', 'draft 2']);
    calls[2]!.answer({ ok: true });
    await settle();
    expect(engine.state()).toEqual({ kind: 'saved' });
    expect(journal.value).toBeNull();
  });

  it('turns a save that throws into a failure value', async () => {
    const engine = createAutosave({ initial: '', save: () => Promise.reject(new Error('IPC closed')) });
    engine.update('x');
    await engine.flush();
    expect(engine.state()).toEqual({ kind: 'failed', message: 'IPC closed' });
  });

  it('flushes at once on close, and resolves when the store has the text', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: '', save });
    engine.update('typed just before closing');
    const flushed = engine.flush();
    expect(calls.map((c) => c.value)).toEqual(['typed just before closing']);
    let done = false;
    void flushed.then(() => (done = true));
    await settle();
    expect(done).toBe(false);
    calls[0]!.answer({ ok: true });
    await settle();
    expect(done).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1); // the cancelled timer does not save again
  });

  it('clears the journal only when the store confirmed that exact text', async () => {
    const { calls, save } = controlledSave();
    const journal = memoryJournal();
    const engine = createAutosave({ initial: '', save, journal });
    engine.update('one');
    await vi.advanceTimersByTimeAsync(400);
    engine.update('one two'); // typed while "one" is in flight
    calls[0]!.answer({ ok: true });
    await settle();
    expect(journal.value).toBe('one two');
    await vi.advanceTimersByTimeAsync(400);
    calls[1]!.answer({ ok: true });
    await settle();
    expect(journal.value).toBeNull();
  });

  it('opens on restored text marked not saved, then saves it', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: 'typed offline', saved: 'stored', notice: 'restored unsaved text from this device', save });
    expect(engine.state()).toEqual({ kind: 'failed', message: 'restored unsaved text from this device' });
    engine.start();
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((c) => [c.value, c.saved])).toEqual([['typed offline', 'stored']]);
    calls[0]!.answer({ ok: true });
    await settle();
    expect(engine.state()).toEqual({ kind: 'saved' });
  });

  it('creates at once what is not stored yet, and adopts outside changes only when idle', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: 'agenda', saved: null, save });
    expect(engine.state()).toEqual({ kind: 'saving' });
    engine.start();
    expect(calls.map((c) => [c.value, c.saved])).toEqual([['agenda', null]]);
    expect(engine.reset('from the CLI')).toBe(false);
    calls[0]!.answer({ ok: true });
    await settle();
    expect(engine.reset('from the CLI')).toBe(true);
    expect(engine.latest()).toBe('from the CLI');
    expect(engine.state()).toEqual({ kind: 'saved' });
  });
});

describe('autosave edge cases', () => {
  it('saves again when an edit is undone while a save is out', async () => {
    const { calls, save } = controlledSave();
    const engine = createAutosave({ initial: '', save });
    engine.update('a');
    await vi.advanceTimersByTimeAsync(400);
    engine.update(''); // back to what the store had before "a" arrived
    calls[0]!.answer({ ok: true });
    await settle();
    expect(engine.state()).toEqual({ kind: 'saving' });
    await vi.advanceTimersByTimeAsync(400);
    expect(calls.map((c) => [c.value, c.saved])).toEqual([
      ['a', ''],
      ['', 'a'],
    ]);
  });

  it('stops saving once discarded (the note is being deleted)', async () => {
    const { calls, save } = controlledSave();
    const journal = memoryJournal();
    const engine = createAutosave({ initial: '', save, journal });
    engine.update('a');
    await vi.advanceTimersByTimeAsync(400);
    engine.update('ab');
    const discarded = engine.discard();
    calls[0]!.answer({ ok: true });
    await discarded;
    engine.update('abc');
    await engine.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    expect(journal.value).toBeNull();
  });
});
