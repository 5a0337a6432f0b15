import { describe, expect, it } from 'vitest';
import { agendaFor } from '../../shared/agenda.js';
import { addEngagement, addNote, findEngagement } from '../../shared/engagements.js';
import { groupLearnings, parseLearning, formatLearning } from '../../shared/learnings.js';
import { openActions, removeNote, setActionDone, updateNote } from '../../shared/notes.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { fold, search } from '../../shared/search.js';
import { HOSTILE } from '../helpers.js';

const at = '2026-11-27T10:00:00.000Z';
const later = '2026-11-27T11:00:00.000Z';

function seeded(): StoreDoc {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', pals: ['Ann'] }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo' }, { id: 'arg', at }).doc;
  doc = addNote(
    doc,
    'kyv',
    { kind: 'meet-greet', text: 'Talked about the revisión of SBOMs', date: '2026-11-03', attendees: ['Ann', 'Zoë'] },
    { id: 'n1x', at },
  ).doc;
  doc = addNote(doc, 'arg', { kind: 'follow-up', text: 'Threat model next', date: '2026-11-01' }, { id: 'n2x', at }).doc;
  return doc;
}

describe('notes', () => {
  it('updates text and header fields, stamping updatedAt only on a real change', () => {
    const doc = seeded();
    const same = updateNote(doc, 'kyv', 'n1x', { text: 'Talked about the revisión of SBOMs' }, later);
    expect(same.doc).toBe(doc);
    const changed = updateNote(doc, 'kyv', 'n1x', { text: HOSTILE, attendees: ['Ann'] }, later);
    expect(changed.value).toMatchObject({ text: HOSTILE, attendees: ['Ann'], updatedAt: later, createdAt: at, date: '2026-11-03' });
  });

  it('gives new action items ids, keeps existing ones, and ticks them off', () => {
    let doc = updateNote(seeded(), 'kyv', 'n1x', { actions: [{ text: 'Send template link', owner: 'Ann' }, { text: 'Ask TOC' }] }, later, [
      'a01',
      'a02',
    ]).doc;
    const note = findEngagement(doc, 'kyv').notes[0]!;
    expect(note.actions).toEqual([
      { id: 'a01', text: 'Send template link', owner: 'Ann', done: false, due: null },
      { id: 'a02', text: 'Ask TOC', owner: null, done: false, due: null },
    ]);
    doc = setActionDone(doc, 'kyv', 'n1x', 'a01', true, later).doc;
    expect(openActions(doc).map((a) => a.action.id)).toEqual(['a02']);
    expect(() => setActionDone(doc, 'kyv', 'n1x', 'zzz', true, later)).toThrow(/no action item zzz/);
  });

  it('lists open action items across engagements, by owner, oldest note first', () => {
    let doc = updateNote(
      seeded(),
      'kyv',
      'n1x',
      {
        actions: [
          { text: 'A', owner: 'Ann' },
          { text: 'B', owner: 'Bo' },
        ],
      },
      later,
      ['a01', 'a02'],
    ).doc;
    doc = updateNote(doc, 'arg', 'n2x', { actions: [{ text: 'C', owner: 'ann ' }] }, later, ['a03']).doc;
    expect(openActions(doc).map((a) => a.action.text)).toEqual(['C', 'A', 'B']);
    expect(openActions(doc, { owner: 'ANN' }).map((a) => [a.engagementName, a.action.text])).toEqual([
      ['Argo', 'C'],
      ['Kyverno', 'A'],
    ]);
  });

  it('refuses a note that is not there and removes one that is', () => {
    expect(() => updateNote(seeded(), 'kyv', 'nope', { text: 'x' }, later)).toThrow(/"Kyverno" has no note nope/);
    const { doc } = removeNote(seeded(), 'kyv', 'n1x', later);
    expect(findEngagement(doc, 'kyv').notes).toEqual([]);
  });

  it('starts meet & greet and follow-up notes from the timebox agenda', () => {
    expect(agendaFor('meet-greet')).toMatch(/self-assessment template/i);
    expect(agendaFor('meet-greet')).toMatch(/graduation/);
    expect(agendaFor('follow-up')).toMatch(/unblock/);
    expect(agendaFor('follow-up')).toMatch(/CNCF resources/);
    expect(agendaFor('general')).toBe('');
  });
});

describe('search', () => {
  it('finds engagements by name and notes by text, attendees and actions, ignoring case and accents', () => {
    const doc = updateNote(seeded(), 'arg', 'n2x', { actions: [{ text: 'Draft the STRIDE table', owner: 'Cy' }] }, later, ['a01']).doc;
    expect(search(doc, 'kyverno').map((h) => h.noteId)).toEqual([null, 'n1x']);
    expect(search(doc, 'REVISION sbom')[0]).toMatchObject({
      engagementId: 'kyv',
      noteId: 'n1x',
      snippet: expect.stringContaining('revisión'),
    });
    expect(search(doc, 'zoe')[0]).toMatchObject({ noteId: 'n1x' });
    expect(search(doc, 'stride')[0]).toMatchObject({ engagementId: 'arg', noteId: 'n2x', snippet: expect.stringContaining('STRIDE') });
    expect(search(doc, 'argo threat')).toHaveLength(1);
    expect(search(doc, 'nothing-like-this')).toEqual([]);
    expect(search(doc, '   ')).toEqual([]);
    expect(fold('Ærø Çà')).toBe('ærø ca');
  });
});

describe('learnings', () => {
  it('reads a leading [tag], and groups by it', () => {
    expect(parseLearning('[Timebox] A timebox helps')).toEqual({ tag: 'timebox', text: 'A timebox helps' });
    expect(parseLearning('[not a tag because]no space')).toEqual({ tag: null, text: '[not a tag because]no space' });
    expect(parseLearning('<b>[x]</b> y')).toEqual({ tag: null, text: '<b>[x]</b> y' });
    expect(formatLearning('buy-in', 'Both sides')).toBe('[buy-in] Both sides');
    expect(formatLearning('[odd]', 'x')).toBe('[odd] x');
    expect(groupLearnings(['plain', '[communication] a', '[timebox] b', '[communication] c'])).toEqual([
      { tag: 'communication', items: ['a', 'c'] },
      { tag: 'timebox', items: ['b'] },
      { tag: null, items: ['plain'] },
    ]);
  });
});
