import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../shared/engagements.js';
import { PalsError } from '../../shared/errors.js';
import { ALL_ROUNDS, emptyDoc, SCHEMA_VERSION, StoreDocSchema, ViewStateSchema } from '../../shared/schema.js';
import { viewEngagement } from '../../shared/view.js';
import { DEFAULT_VIEW, deleteNamedView, findView, inView, saveNamedView, saveViewState } from '../../shared/views.js';

const AT = '2026-03-02T10:00:00.000Z';

describe('board views', () => {
  it('defaults for a store written before views existed, and round-trips through the schema', () => {
    const parsed = StoreDocSchema.parse({ schemaVersion: SCHEMA_VERSION, rounds: [{ id: 'default', name: 'Round 1' }], engagements: [] });
    expect(parsed.settings.views).toEqual({ current: DEFAULT_VIEW, saved: [] });
    expect(parsed.settings.notifications).toBe(true);
    expect(emptyDoc().settings.views).toEqual(parsed.settings.views);
    expect(ViewStateSchema.safeParse({ ...DEFAULT_VIEW, round: 'not an id!' }).success).toBe(false);
    expect(ViewStateSchema.safeParse({ ...DEFAULT_VIEW, swimlanes: 'maturity' }).success).toBe(false);
  });

  it('remembers the current view, and the same view again is no change at all', () => {
    const view = { ...DEFAULT_VIEW, pal: 'Ana', swimlanes: 'pal' as const };
    const once = saveViewState(emptyDoc(), view).doc;
    expect(once.settings.views.current).toEqual(view);
    expect(saveViewState(once, { ...view }).doc).toBe(once);
  });

  it('saves views by name (any case replaces), finds and deletes them, and refuses unknown names', () => {
    let doc = saveNamedView(emptyDoc(), 'Overdue', { ...DEFAULT_VIEW, due: 'overdue' }).doc;
    doc = saveNamedView(doc, 'My engagements', { ...DEFAULT_VIEW, pal: 'Ana' }).doc;
    doc = saveNamedView(doc, '  overdue ', { ...DEFAULT_VIEW, due: 'due-soon' }).doc;
    expect(doc.settings.views.saved.map((v) => [v.name, v.due])).toEqual([
      ['overdue', 'due-soon'],
      ['My engagements', ''],
    ]);
    expect(findView(doc, 'MY ENGAGEMENTS').pal).toBe('Ana');
    doc = deleteNamedView(doc, 'Overdue').doc;
    expect(doc.settings.views.saved.map((v) => v.name)).toEqual(['My engagements']);
    expect(() => findView(doc, 'Nope')).toThrow(PalsError);
    expect(() => findView(doc, 'Nope')).toThrow(/"My engagements"/);
  });

  it('shows the engagements of its round and filters', () => {
    let doc = emptyDoc();
    doc = addEngagement(
      doc,
      { name: 'Kyverno', pals: ['Ana'], maturity: 'incubating', kickoff: '2026-01-01', phase: 'draft' },
      { id: 'eng-1', at: AT },
    ).doc;
    doc = addEngagement(doc, { name: 'Argo', pals: ['Bo'] }, { id: 'eng-2', at: AT }).doc;
    doc = { ...doc, rounds: [...doc.rounds, { ...doc.rounds[0]!, id: 'round-2', name: 'Round 2' }] };
    doc = { ...doc, engagements: doc.engagements.map((e) => (e.id === 'eng-2' ? { ...e, round: 'round-2' } : e)) };
    const views = doc.engagements.map((e) => viewEngagement(doc, e, '2026-03-02'));
    const names = (view: typeof DEFAULT_VIEW) => views.filter(inView(view, 'default')).map((e) => e.name);
    expect(names(DEFAULT_VIEW)).toEqual(['Kyverno']);
    expect(names({ ...DEFAULT_VIEW, round: ALL_ROUNDS })).toEqual(['Kyverno', 'Argo']);
    expect(names({ ...DEFAULT_VIEW, round: 'round-2' })).toEqual(['Argo']);
    expect(names({ ...DEFAULT_VIEW, round: ALL_ROUNDS, pal: 'Bo' })).toEqual(['Argo']);
    expect(names({ ...DEFAULT_VIEW, round: ALL_ROUNDS, maturity: 'incubating', due: 'overdue' })).toEqual(['Kyverno']);
    expect(names({ ...DEFAULT_VIEW, round: ALL_ROUNDS, due: 'on-track' })).toEqual([]);
  });
});
