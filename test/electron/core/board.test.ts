import { utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BoardChange, BoardSnapshot } from '../../../shared/api.js';
import type { EngagementView, OpenActionView, SearchHitView } from '../../../shared/view.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { pals, tempDir } from '../../helpers.js';

const TEXT = 'Walked through the threat model; the webhook fails open.';
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function core() {
  const dir = await tempDir();
  const { store } = await PalsStore.open(dir);
  const handlers = createCore(store, { today: () => '2026-11-27' });
  const changes: BoardChange[] = [];
  handlers.on((e) => {
    if (e.event === 'boardChanged') changes.push(e.payload);
  });
  // T only names what the test expects back (dispatch answers `unknown`).
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const call = async <T = unknown>(name: string, args: unknown = {}): Promise<{ value: T; call: string | undefined }> => {
    const res = await handlers.dispatch(name, args);
    if (!res.ok) throw new Error(res.error.message);
    return { value: res.value as T, call: res.call };
  };
  const added = await call<EngagementView>('addEngagement', { name: 'Kyverno', kickoff: '2026-10-01', pals: ['Ana'] });
  const id = added.value.id;
  const note = await call<{ id: string }>('addNote', { id, note: { kind: 'meet-greet', text: TEXT } });
  await call('updateNote', { id, noteId: note.value.id, patch: { actions: [{ text: 'share the diagram', owner: 'Ana' }] } });
  await tick();
  changes.length = 0;
  return { dir, store, handlers, call, changes, id, noteId: note.value.id };
}

describe('getBoard and getEngagement', () => {
  it('gives the board cards with a note count and no note text; the whole record on request', async () => {
    const { call, id } = await core();
    const board = (await call<BoardSnapshot>('getBoard')).value;
    expect(JSON.stringify(board)).not.toContain('threat model');
    expect(board.engagements).toEqual([
      expect.objectContaining({ id, name: 'Kyverno', pals: ['Ana'], noteCount: 1, due: expect.objectContaining({ phase: 'intake' }) }),
    ]);
    expect(board.engagements[0]).not.toHaveProperty('notes');
    expect(board.engagements[0]).not.toHaveProperty('selection');
    const record = (await call<EngagementView>('getEngagement', { id })).value;
    expect(record.notes.map((n) => n.text)).toEqual([TEXT]);
    expect(record.due.phase).toBe('intake');
    expect(
      await createCore((await PalsStore.open(await tempDir())).store, { today: () => '2026-11-27' }).dispatch('getEngagement', { id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('names the note kind and date in search hits and open action items, which the board no longer holds', async () => {
    const { call, id, noteId } = await core();
    const hits = (await call<SearchHitView[]>('search', { query: 'webhook' })).value;
    expect(hits).toEqual([
      expect.objectContaining({ engagementId: id, noteId, note: expect.objectContaining({ kind: 'meet-greet', date: null }) }),
    ]);
    const named = (await call<SearchHitView[]>('search', { query: 'kyverno' })).value;
    expect(named[0]).toMatchObject({ noteId: null, note: null });
    const open = (await call<OpenActionView[]>('openActions', {})).value;
    expect(open).toEqual([
      expect.objectContaining({ noteId, noteKind: 'meet-greet', action: expect.objectContaining({ text: 'share the diagram' }) }),
    ]);
  });
});

describe('the change feed', () => {
  it('sends each burst as one numbered event with the changed cards, naming the call that made them', async () => {
    const { call, changes, id } = await core();
    const before = (await call<BoardSnapshot>('getBoard')).value.seq;
    const moved = await call<EngagementView>('moveEngagement', { id, phase: 'meet-greet' });
    await tick();
    expect(moved.call).toMatch(/\w/);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'cards', seq: before + 1, origin: 'local', calls: [moved.call], unattributed: false, removed: [] }),
    ]);
    const change = changes[0] as Extract<BoardChange, { kind: 'cards' }>;
    expect(change.cards).toEqual([expect.objectContaining({ id, phase: 'meet-greet', noteCount: 1 })]);
    expect(JSON.stringify(change)).not.toContain('threat model');
    // A read, or a change that changes nothing, names no call and sends nothing.
    expect((await call('getBoard')).call).toBeUndefined();
    await call('moveEngagement', { id, phase: 'meet-greet' });
    await tick();
    expect(changes).toHaveLength(1);
    expect((await call<BoardSnapshot>('getBoard')).value.seq).toBe(before + 1);
  });

  it('lists a removal, and coalesces calls made in one turn', async () => {
    const { call, changes, id } = await core();
    const [a, b] = await Promise.all([
      call<EngagementView>('addEngagement', { name: 'Argo' }),
      call<EngagementView>('editEngagement', { id, patch: { onHold: true } }),
    ]);
    await tick();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ calls: [a.call, b.call], unattributed: false });
    await call('removeEngagement', { id: a.value.id });
    await tick();
    expect(changes[1]).toMatchObject({ kind: 'cards', cards: [], removed: [a.value.id] });
  });

  it('says "reload", attributed to no call, when another process changed the file', async () => {
    const { dir, store, changes } = await core();
    expect((await pals(dir, ['add', '--name', 'Falco'])).code).toBe(0);
    const later = new Date(Date.now() + 5_000);
    await utimes(store.paths.file, later, later); // a different signature even within one clock tick
    expect(await store.refresh()).toBe(true);
    await tick();
    expect(changes).toEqual([expect.objectContaining({ kind: 'reload', origin: 'external', unattributed: true, calls: [] })]);
  });

  it('answers the example round with its cards, and its removal with the ids gone', async () => {
    const { call, changes } = await core();
    const first = (await call<{ added: number; cards: { id: string; example: boolean }[] }>('loadExampleRound')).value;
    expect(first.added).toBe(4); // Kyverno is already on the board
    expect(first.cards.map((c) => c.example)).toEqual([true, true, true, true]);
    await tick();
    // The example brings the pilot round's words into the (empty) round: a round changed, so pages reload.
    expect(changes.at(-1)).toMatchObject({ kind: 'reload' });
    const loaded = (await call<{ added: number; cards: unknown[] }>('loadExampleRound')).value;
    expect(loaded).toEqual({ added: 0, cards: [] });
    const removed = (await call<{ removed: number; ids: string[] }>('removeExampleRound')).value;
    expect(removed).toEqual({ removed: 4, ids: first.cards.map((c) => c.id) });
  });
});
