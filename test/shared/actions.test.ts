import { describe, expect, it } from 'vitest';
import { ACTIONS_NOTE_HEADING, actionDueState, addAction, findAction, setActionDoneById } from '../../shared/actions.js';
import { addEngagement, addNote, findEngagement } from '../../shared/engagements.js';
import { isPalsError } from '../../shared/errors.js';
import { NewActionInputSchema, NotePatchSchema } from '../../shared/inputs.js';
import { openActions, updateNote } from '../../shared/notes.js';
import { emptyDoc, StoreDocSchema, type StoreDoc } from '../../shared/schema.js';
import { openActionViews } from '../../shared/view.js';

const at = '2026-11-27T10:00:00.000Z';
const today = '2026-11-27';

function seeded(): StoreDoc {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', pals: ['Ana'] }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo', pals: ['Ben'] }, { id: 'arg', at }).doc;
  doc = addNote(doc, 'kyv', { kind: 'meet-greet', text: 'Meet & greet', date: '2026-11-03' }, { id: 'n-kyv', at }).doc;
  return doc;
}

const stamp = (actionId: string, noteId = `note-${actionId}`) => ({ actionId, noteId, at, today });

/** The error code an operation refuses with. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isPalsError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('adding an action item on its own', () => {
  it('goes to the engagement\'s "Action items" note, made once and dated the day it was made', () => {
    let doc = seeded();
    const first = addAction(doc, 'Kyverno', { text: 'Send the template', owner: ' Ana ', due: '2026-12-04' }, stamp('act-one'));
    doc = first.doc;
    expect(first.value).toEqual({ engagementId: 'kyv', noteId: 'note-act-one', actionId: 'act-one', ownerIsPal: true });
    const second = addAction(doc, 'kyv', { text: 'Ask TOC', owner: 'Priya (Kyverno maintainer)' }, stamp('act-two', 'unused-note'));
    doc = second.doc;
    expect(second.value).toMatchObject({ noteId: 'note-act-one', ownerIsPal: false });
    const kyverno = findEngagement(doc, 'kyv');
    expect(kyverno.notes).toHaveLength(2); // the meeting note is left as written
    const note = kyverno.notes[1]!;
    expect(note).toMatchObject({ kind: 'general', date: today, createdAt: at });
    expect(note.text.split('\n')[0]).toBe(ACTIONS_NOTE_HEADING);
    expect(note.actions).toEqual([
      { id: 'act-one', text: 'Send the template', owner: 'Ana', done: false, due: '2026-12-04' },
      { id: 'act-two', text: 'Ask TOC', owner: 'Priya (Kyverno maintainer)', done: false, due: null },
    ]);
    expect(addAction(doc, 'arg', { text: 'No owner' }, stamp('act-three')).value.ownerIsPal).toBeNull();
  });

  it('refuses an unknown engagement, an empty text and a day that does not exist', () => {
    expect(refusal(() => addAction(seeded(), 'Falco', { text: 'x' }, stamp('act-x')))).toMatch(
      /^not-found: no engagement is called "Falco"/,
    );
    expect(NewActionInputSchema.safeParse({ text: '   ' }).success).toBe(false);
    expect(NewActionInputSchema.safeParse({ text: 'x', due: '2026-02-30' }).error?.issues[0]?.message).toBe(
      'must be a real date written YYYY-MM-DD',
    );
    expect(NewActionInputSchema.safeParse({ text: 'x', due: '2026-2-3' }).success).toBe(false);
    expect(NotePatchSchema.safeParse({ actions: [{ text: 'x', due: '2027-02-29' }] }).success).toBe(false);
    expect(NotePatchSchema.safeParse({ actions: [{ text: 'x', due: '2028-02-29' }] }).success).toBe(true);
  });

  it('keeps action ids unique across the store', () => {
    const doc = addAction(seeded(), 'kyv', { text: 'A' }, stamp('act-one')).doc;
    // A new item that reuses an id held by another note is refused, and so is an id twice in one list.
    expect(refusal(() => updateNote(doc, 'kyv', 'n-kyv', { actions: [{ id: 'act-one', text: 'copy' }] }, at))).toMatch(
      /^duplicate: action item id act-one is already used in "Kyverno"/,
    );
    expect(
      refusal(() =>
        updateNote(
          doc,
          'kyv',
          'n-kyv',
          {
            actions: [
              { id: 'act-new', text: 'a' },
              { id: 'act-new', text: 'b' },
            ],
          },
          at,
        ),
      ),
    ).toMatch(/^duplicate: action item id act-new is given twice/);
    expect(refusal(() => addAction(doc, 'arg', { text: 'B' }, stamp('act-one')))).toMatch(/^duplicate/);
    // Saving the note that holds it, unchanged or edited, is the common case and is fine.
    const note = findEngagement(doc, 'kyv').notes[1]!;
    expect(refusal(() => updateNote(doc, 'kyv', note.id, { actions: [{ id: 'act-one', text: 'A, edited' }] }, at))).toBe('accepted');
  });

  it('keeps a stored due date when an editor leaves `due` out, and clears it on null', () => {
    const doc = addAction(seeded(), 'kyv', { text: 'A', due: '2026-12-01' }, stamp('act-one')).doc;
    const noteId = findAction(doc, 'act-one').noteId;
    const kept = updateNote(doc, 'kyv', noteId, { actions: [{ id: 'act-one', text: 'A!' }] }, at).doc;
    expect(findAction(kept, 'act-one').action).toMatchObject({ text: 'A!', due: '2026-12-01' });
    const cleared = updateNote(doc, 'kyv', noteId, { actions: [{ id: 'act-one', text: 'A', due: null }] }, at).doc;
    expect(findAction(cleared, 'act-one').action.due).toBeNull();
  });
});

describe('ticking an action item off by its id', () => {
  it('finds it anywhere, ticks it off and back on', () => {
    let doc = addAction(seeded(), 'arg', { text: 'Draft the threat model', owner: 'Ben' }, stamp('act-one')).doc;
    const done = setActionDoneById(doc, 'act-one', true, '2026-11-28T09:00:00.000Z');
    expect(done.value).toMatchObject({ engagementId: 'arg', engagementName: 'Argo', action: { id: 'act-one', done: true } });
    doc = done.doc;
    expect(findEngagement(doc, 'arg').updatedAt).toBe('2026-11-28T09:00:00.000Z');
    expect(openActions(doc)).toEqual([]);
    doc = setActionDoneById(doc, 'act-one', false, at).doc;
    expect(openActions(doc).map((a) => a.action.id)).toEqual(['act-one']);
  });

  it('refuses an id nobody has, and one a hand-edited store holds twice', () => {
    expect(refusal(() => setActionDoneById(seeded(), 'act-zzz', true, at))).toMatch(/^not-found: no action item has the id act-zzz/);
    const doc = addAction(seeded(), 'kyv', { text: 'A' }, stamp('act-one')).doc;
    // Hand-edited: the same id pasted into another engagement's note (the schema lets the file load).
    const twice = StoreDocSchema.parse({
      ...doc,
      engagements: doc.engagements.map((e) =>
        e.id === 'arg' ? { ...e, notes: [{ ...findEngagement(doc, 'kyv').notes[1]!, id: 'n-copy' }] } : e,
      ),
    });
    expect(refusal(() => setActionDoneById(twice, 'act-one', true, at))).toMatch(/^ambiguous: 2 action items have the id act-one/);
  });
});

describe('due state, order and owners of action items', () => {
  it('is none when done or undated, overdue after the day, due soon within the window (the day included)', () => {
    const s = (due: string | null, done = false, soon = 7) => actionDueState({ due, done }, today, soon);
    expect(s(null)).toBe('none');
    expect(s('2026-11-20', true)).toBe('none');
    expect(s('2026-11-26')).toBe('overdue');
    expect(s('2026-11-27')).toBe('due-soon');
    expect(s('2026-12-04')).toBe('due-soon');
    expect(s('2026-12-05')).toBe('on-track');
    expect(s('2026-11-28', false, 0)).toBe('on-track');
  });

  it('lists open items first, soonest due first, undated after dated; done ones last when asked', () => {
    let doc = seeded();
    doc = addAction(doc, 'kyv', { text: 'undated' }, stamp('act-a')).doc;
    doc = addAction(doc, 'arg', { text: 'late', due: '2026-11-20' }, stamp('act-b')).doc;
    doc = addAction(doc, 'kyv', { text: 'next week', due: '2026-12-03', owner: 'ben' }, stamp('act-c')).doc;
    doc = addAction(doc, 'arg', { text: 'finished', due: '2026-11-01' }, stamp('act-d')).doc;
    doc = setActionDoneById(doc, 'act-d', true, at).doc;
    expect(openActions(doc).map((a) => a.action.text)).toEqual(['late', 'next week', 'undated']);
    expect(openActions(doc, { includeDone: true }).map((a) => a.action.text)).toEqual(['late', 'next week', 'undated', 'finished']);
    expect(openActions(doc, { owner: 'BEN' }).map((a) => a.action.text)).toEqual(['next week']);

    const views = openActionViews(doc, openActions(doc, { includeDone: true }), today);
    expect(views.map((v) => [v.action.text, v.due, v.dueState, v.ownerIsPal])).toEqual([
      ['late', '2026-11-20', 'overdue', null],
      ['next week', '2026-12-03', 'due-soon', true], // "ben" is the pal Ben: case does not matter
      ['undated', null, 'none', null],
      ['finished', '2026-11-01', 'none', null],
    ]);
  });

  it('loads a store written before due dates existed, each item undated', () => {
    const doc = seeded();
    const old = JSON.parse(JSON.stringify(doc)) as { engagements: { notes: { actions: unknown[] }[] }[] };
    old.engagements[0]!.notes[0]!.actions = [{ id: 'old-one', text: 'from before', owner: null, done: false }];
    const loaded = StoreDocSchema.parse(old);
    expect(loaded.engagements[0]!.notes[0]!.actions[0]).toEqual({
      id: 'old-one',
      text: 'from before',
      owner: null,
      done: false,
      due: null,
    });
  });
});
