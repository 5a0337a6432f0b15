// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResponse } from '../../shared/api.js';
import type { Note } from '../../shared/schema.js';
import { journalKey, noteJournal, orphanDrafts } from '../../renderer/src/notes/draft-journal.js';
import { draftOf, firstLine, notePatch, type NoteDraft } from '../../renderer/src/notes/note-draft.js';
import { createNoteSession, RESTORED, type NoteCalls } from '../../renderer/src/notes/note-session.js';

const NOTE: Note = {
  id: 'note-1',
  kind: 'meet-greet',
  date: '2026-03-02',
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
  text: 'stored text',
  attendees: ['Ana'],
  actions: [],
};

function fakeCalls(fail = false) {
  const sent: unknown[] = [];
  let n = 0;
  const answer = (note: Note): Promise<ApiResponse<Note>> =>
    Promise.resolve(fail ? { ok: false, error: { code: 'offline', message: 'the core is not reachable' } } : { ok: true, value: note });
  const calls: NoteCalls = {
    addNote: (id, note) => {
      sent.push({ addNote: { id, note } });
      return answer({ ...NOTE, ...note, id: 'created-1', actions: [] });
    },
    updateNote: (id, noteId, patch) => {
      sent.push({ updateNote: { id, noteId, patch } });
      return answer({ ...NOTE, updatedAt: `2026-03-02T10:00:0${String(++n)}.000Z` });
    },
  };
  return { calls, sent };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('note drafts', () => {
  it('send only the fields that changed, action items without blank rows', () => {
    const saved = draftOf(NOTE);
    const next: NoteDraft = {
      ...saved,
      text: 'new',
      actions: [
        { id: 'a-1', text: 'Send the template', owner: ' Ana ', done: false },
        { id: 'a-2', text: '  ', owner: '', done: false },
      ],
    };
    expect(notePatch(saved, next)).toEqual({ text: 'new', actions: [{ id: 'a-1', text: 'Send the template', owner: 'Ana', done: false }] });
    expect(notePatch(saved, saved)).toEqual({});
    expect(firstLine('\n\n## Meet & greet (week 1)\n- a')).toBe('Meet & greet (week 1)');
    expect(firstLine('---\nmarp: true')).toBe('---');
  });
});

describe('the draft journal', () => {
  it('restores text typed over the stored version and never saved, then saves it', async () => {
    const journal = noteJournal('eng-1', 'note-1', NOTE.updatedAt);
    journal.write({ ...draftOf(NOTE), text: 'stored text, and what I typed when the core died' });
    const { calls, sent } = fakeCalls();
    const session = createNoteSession({ engagementId: 'eng-1', note: NOTE }, calls);
    expect(session.restored).toBe(true);
    expect(session.engine.latest().text).toBe('stored text, and what I typed when the core died');
    expect(session.engine.state()).toEqual({ kind: 'failed', message: RESTORED });
    session.engine.start();
    await vi.advanceTimersByTimeAsync(400);
    expect(sent).toEqual([
      { updateNote: { id: 'eng-1', noteId: 'note-1', patch: { text: 'stored text, and what I typed when the core died' } } },
    ]);
    expect(session.engine.state()).toEqual({ kind: 'saved' });
    expect(localStorage.getItem(journalKey('eng-1', 'note-1'))).toBeNull();
  });

  it('drops an entry older than a version saved elsewhere, or equal to what is stored', () => {
    const stale = noteJournal('eng-1', 'note-1', '2026-03-01T09:00:00.000Z', () => Date.parse('2026-03-01T09:00:00.000Z'));
    stale.write({ ...draftOf(NOTE), text: 'old draft' });
    expect(createNoteSession({ engagementId: 'eng-1', note: NOTE }, fakeCalls().calls).restored).toBe(false);
    expect(localStorage.getItem(journalKey('eng-1', 'note-1'))).toBeNull();
    noteJournal('eng-1', 'note-1', NOTE.updatedAt).write(draftOf(NOTE));
    expect(createNoteSession({ engagementId: 'eng-1', note: NOTE }, fakeCalls().calls).restored).toBe(false);
  });

  it('keeps a failed save in the journal and re-keys a new note once the core creates it', async () => {
    const down = fakeCalls(true);
    const draft: NoteDraft = { kind: 'general', date: '2026-03-02', attendees: [], text: 'typed offline', actions: [] };
    const session = createNoteSession({ engagementId: 'eng-1', note: null, draft, newKey: 'new-k1' }, down.calls);
    session.engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.engine.state()).toEqual({ kind: 'failed', message: 'the core is not reachable' });
    session.engine.update({ ...draft, text: 'typed offline, more' });
    expect(orphanDrafts('eng-1').map((o) => [o.key, o.entry.draft.text])).toEqual([['new-k1', 'typed offline, more']]);

    // The page reloads; the core is back: the orphan opens as a new note, restored, and is created.
    const up = fakeCalls();
    const created: string[] = [];
    const again = createNoteSession(
      { engagementId: 'eng-1', note: null, draft, newKey: 'new-k1', onCreated: (n) => created.push(n.id) },
      up.calls,
    );
    expect(again.restored).toBe(true);
    again.engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(up.sent).toEqual([
      { addNote: { id: 'eng-1', note: { kind: 'general', text: 'typed offline, more', date: '2026-03-02', attendees: [] } } },
    ]);
    expect(created).toEqual(['created-1']);
    expect(again.noteId()).toBe('created-1');
    expect(orphanDrafts('eng-1')).toEqual([]);
    expect(localStorage.length).toBe(0);
  });
});
