import { describe, expect, it } from 'vitest';
import { digestText, needsAttention } from '../../shared/attention.js';
import { addEngagement, addNote } from '../../shared/engagements.js';
import { updateNote } from '../../shared/notes.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';

const AT = '2026-03-02T10:00:00.000Z';
const TODAY = '2026-03-02';

function doc(): StoreDoc {
  let d = emptyDoc();
  const add = (id: string, input: Parameters<typeof addEngagement>[1]) => {
    d = addEngagement(d, input, { id, at: AT }).doc;
  };
  // Meet & greet closes kickoff + 7 days.
  add('eng-late', { name: 'Kyverno', kickoff: '2026-02-16', phase: 'meet-greet' }); // closed 02-23: overdue
  add('eng-soon', { name: 'Argo', kickoff: '2026-02-26', phase: 'meet-greet' }); // closes 03-05: due soon
  add('eng-far', { name: 'Falco', kickoff: '2026-03-01', phase: 'follow-up' }); // closes 03-29: on track
  add('eng-done', { name: 'Done one', kickoff: '2025-01-01', phase: 'done' });
  add('eng-hold', { name: 'Held', kickoff: '2025-01-01', phase: 'draft', onHold: true });
  add('eng-nokick', { name: 'No kickoff', phase: 'review' });
  d = addNote(d, 'eng-far', { kind: 'general', text: '' }, { id: 'note-1', at: AT }).doc;
  d = updateNote(
    d,
    'eng-far',
    'note-1',
    {
      actions: [
        { text: 'send the threat model', owner: 'Ana', due: '2026-03-01' },
        { text: 'open the PR', owner: 'Bo', due: '2026-03-09' },
        { text: 'far away', due: '2026-04-30' },
        { text: 'no date' },
        { text: 'already done', due: '2026-02-01', done: true },
      ],
    },
    AT,
    ['act-1', 'act-2', 'act-3', 'act-4', 'act-5'],
  ).doc;
  return d;
}

describe('needsAttention', () => {
  it('lists phase windows and open dated action items due soon or overdue, overdue first', () => {
    const items = needsAttention(doc(), TODAY, 7);
    expect(items.map((i) => [i.kind, i.engagement, i.what, i.due, i.state])).toEqual([
      ['phase', 'Kyverno', 'Meet & greet window closes', '2026-02-23', 'overdue'],
      ['action', 'Falco', 'send the threat model', '2026-03-01', 'overdue'],
      ['phase', 'Argo', 'Meet & greet window closes', '2026-03-05', 'due-soon'],
      ['action', 'Falco', 'open the PR', '2026-03-09', 'due-soon'],
    ]);
    expect(items[1]).toMatchObject({ id: 'eng-far', noteId: 'note-1', actionId: 'act-1', owner: 'Ana' });
  });

  it('counts the last day of the window as soon, and a narrower window drops what is further away', () => {
    expect(needsAttention(doc(), TODAY, 3).map((i) => i.due)).toEqual(['2026-02-23', '2026-03-01', '2026-03-05']);
    expect(needsAttention(doc(), TODAY, 0).map((i) => i.state)).toEqual(['overdue', 'overdue']);
    expect(needsAttention(doc(), '2026-03-05', 0).map((i) => i.due)).toEqual(['2026-02-23', '2026-03-01', '2026-03-05']);
  });

  it('is empty for an empty store', () => {
    expect(needsAttention(emptyDoc(), TODAY, 7)).toEqual([]);
  });
});

describe('digestText', () => {
  it('counts overdue and soon in the title and keeps each item on one line', () => {
    const items = needsAttention(doc(), TODAY, 7);
    const text = digestText(items, 3)!;
    expect(text.title).toBe('Needs attention: 2 overdue, 2 due soon');
    expect(text.body.split('\n')).toEqual([
      'Kyverno: Meet & greet window closes (overdue 2026-02-23)',
      'Falco: send the threat model (overdue 2026-03-01)',
      'Argo: Meet & greet window closes (due 2026-03-05)',
      'and 1 more',
    ]);
    expect(digestText([])).toBeNull();
    const hostile = digestText([{ ...items[0]!, engagement: 'A\nB\r\n---' }])!;
    expect(hostile.body).toBe('A B ---: Meet & greet window closes (overdue 2026-02-23)');
  });
});
