import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/src/store/create-store.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc, withSeededNote } from './seeded-doc.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function connected() {
  const doc = seededDoc([
    { name: 'Kyverno', kickoff: '2026-01-05', phase: 'draft', pals: ['Ana'] },
    { name: 'Argo', pals: ['Ben'] },
  ]);
  const api = createFakeApi(withSeededNote(doc, 'eng-1', 'note-1', { kind: 'general', text: 'secret meeting text' }));
  const store = createAppStore(api);
  const stop = store.getState().connect();
  // The first load is done when the board is there (the fake core may take several turns: it
  // opens a real store), not after a fixed number of ticks.
  await vi.waitFor(
    () => {
      expect(store.getState().board).not.toBeNull();
    },
    { timeout: 20_000 },
  );
  return { api, store, stop, card: (id: string) => store.getState().board!.engagements.find((e) => e.id === id) };
}

describe('the board over the change feed', () => {
  it('holds cards without note text: a note count instead', async () => {
    const { store } = await connected();
    const board = store.getState().board!;
    expect(JSON.stringify(board)).not.toContain('secret meeting text');
    expect(board.engagements[0]).not.toHaveProperty('notes');
    expect(board.engagements[0]!.noteCount).toBe(1);
  });

  it('does not ask for the board again after its own move, and shows the core’s card', async () => {
    const { api, store, card } = await connected();
    expect(await store.getState().move('eng-2', 'meet-greet')).toBe(true);
    await settle();
    expect(api.callsOf('getBoard')).toHaveLength(1);
    expect(api.changes.map((c) => c.kind)).toEqual(['cards']);
    expect(card('eng-2')).toMatchObject({ phase: 'meet-greet', due: { phase: 'meet-greet' } });
    expect(store.getState().pendingMoves).toEqual({});
  });

  it('applies another window’s change from the event alone', async () => {
    const { api, card } = await connected();
    await api.editEngagement({ id: 'eng-1', patch: { name: 'Kyverno CLI', onHold: true } }); // not through this store
    await settle();
    expect(card('eng-1')).toMatchObject({ name: 'Kyverno CLI', onHold: true });
    await api.removeEngagement({ id: 'eng-2' });
    await settle();
    expect(card('eng-2')).toBeUndefined();
    expect(api.callsOf('getBoard')).toHaveLength(1);
  });

  it('reloads the board for a change from outside the process, and after a missed event', async () => {
    const { api, card } = await connected();
    api.doc = { ...api.doc, engagements: api.doc.engagements.map((e) => (e.id === 'eng-2' ? { ...e, name: 'Argo CD' } : e)) };
    api.emitExternalChange();
    await settle();
    expect(api.callsOf('getBoard')).toHaveLength(2);
    expect(card('eng-2')!.name).toBe('Argo CD');
    // A page that never heard one change must not trust the next.
    api.loseNextChange();
    await api.moveEngagement({ id: 'eng-2', phase: 'done' });
    await settle();
    expect(card('eng-2')!.phase).toBe('intake');
    await api.moveEngagement({ id: 'eng-1', phase: 'review' });
    await settle();
    expect(api.callsOf('getBoard')).toHaveLength(3);
    expect([card('eng-1')!.phase, card('eng-2')!.phase]).toEqual(['review', 'done']);
  });

  it('keeps the newest word when an answer arrives after a newer change event', async () => {
    const { api, store, card } = await connected();
    const release = api.hold('editEngagement');
    const editing = store.getState().edit('eng-2', { pals: ['Ben', 'Cy'] });
    await api.moveEngagement({ id: 'eng-2', phase: 'follow-up' }); // another window, while the edit waits
    await settle();
    expect(card('eng-2')).toMatchObject({ phase: 'follow-up', pals: ['Ben'] });
    release();
    expect((await editing).ok).toBe(true);
    await settle();
    expect(card('eng-2')).toMatchObject({ phase: 'follow-up', pals: ['Ben', 'Cy'] });
    expect(api.callsOf('getBoard')).toHaveLength(1);
  });
});

describe('the open record', () => {
  it('is fetched whole once, and not again after the page’s own saves', async () => {
    const { api, store, card } = await connected();
    await store.getState().openRecord('eng-1');
    expect(store.getState().record?.view?.notes.map((n) => n.text)).toEqual(['secret meeting text']);
    expect((await store.getState().updateNote('eng-1', 'note-1', { text: 'edited here' })).ok).toBe(true);
    const added = await store.getState().addNote('eng-1', { kind: 'general', text: 'second' });
    expect(added.ok).toBe(true);
    await settle();
    expect(store.getState().record?.view?.notes.map((n) => n.text)).toEqual(['edited here', 'second']);
    expect(card('eng-1')!.noteCount).toBe(2);
    expect(api.callsOf('getEngagement')).toHaveLength(1);
    expect(api.callsOf('getBoard')).toHaveLength(1);
  });

  it('is fetched again when another window or the CLI changed it', async () => {
    const { api, store } = await connected();
    await store.getState().openRecord('eng-1');
    await api.updateNote({ id: 'eng-1', noteId: 'note-1', patch: { text: 'from the other window' } });
    await settle();
    expect(api.callsOf('getEngagement')).toHaveLength(2);
    expect(store.getState().record?.view?.notes[0]!.text).toBe('from the other window');
    api.emitExternalChange();
    await settle();
    expect(api.callsOf('getEngagement')).toHaveLength(3);
    await api.updateNote({ id: 'eng-2', noteId: 'nope', patch: { text: 'x' } }); // refused: nothing changes
    await api.editEngagement({ id: 'eng-2', patch: { pals: ['Dee'] } }); // another card: not this record
    await settle();
    expect(api.callsOf('getEngagement')).toHaveLength(3);
  });

  it('waits for the page’s own call before deciding, so its echo costs nothing', async () => {
    const { api, store } = await connected();
    await store.getState().openRecord('eng-1');
    const release = api.hold('updateNote');
    const saving = store.getState().updateNote('eng-1', 'note-1', { text: 'typed' });
    await api.editEngagement({ id: 'eng-1', patch: { reaction: 'from the CLI window' } });
    await settle();
    expect(api.callsOf('getEngagement')).toHaveLength(1); // undecided while the save is out
    release();
    await saving;
    await settle();
    // The other window's reaction is not in this page's answers: the record is fetched once more.
    expect(api.callsOf('getEngagement')).toHaveLength(2);
    expect(store.getState().record?.view).toMatchObject({ reaction: 'from the CLI window' });
    expect(store.getState().record?.view?.notes[0]!.text).toBe('typed');
  });
});
