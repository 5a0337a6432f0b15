import { describe, expect, it } from 'vitest';
import { addEngagement, addNote, editEngagement, findEngagement } from '../../shared/engagements.js';
import { EngagementPatchSchema, NewEngagementInputSchema } from '../../shared/inputs.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { HOSTILE } from '../helpers.js';
import { moveCard } from '../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
function seeded(): StoreDoc {
  let doc = emptyDoc();
  for (const [id, name] of [
    ['kyv', 'Kyverno'],
    ['arg', 'Argo'],
    ['art', 'Artifact Hub'],
  ] as const) {
    doc = addEngagement(doc, { name, kickoff: '2026-11-02' }, { id, at }).doc;
  }
  return doc;
}

describe('engagement operations', () => {
  it('finds by id, then by name in any case; refuses unknown and ambiguous refs', () => {
    const doc = seeded();
    expect(findEngagement(doc, 'arg').name).toBe('Argo');
    expect(findEngagement(doc, '  ARTIFACT   hub ').id).toBe('art');
    expect(() => findEngagement(doc, 'Artifact')).toThrow(/no engagement is called "Artifact"; did you mean "Artifact Hub"/);
    const twin = { ...doc, engagements: [...doc.engagements, { ...doc.engagements[0]!, id: 'kyv2' }] };
    expect(() => findEngagement(twin, 'kyverno')).toThrow(/names 2 engagements \(ids kyv, kyv2\)/);
  });

  it('refuses duplicate names ignoring case and spacing', () => {
    expect(() => addEngagement(seeded(), { name: ' kyverno ' }, { id: 'k2', at })).toThrow(/"Kyverno" already exists \(id kyv\)/);
    expect(() => editEngagement(seeded(), 'arg', { name: 'KYVERNO' }, at)).toThrow(/already exists/);
    expect(editEngagement(seeded(), 'kyv', { name: 'kyverno' }, at).value.name).toBe('kyverno');
  });

  it('records every move in the history, and nothing for a move to the same phase', () => {
    let doc = seeded();
    doc = moveCard(doc, { ref: 'kyv', to: 'meet-greet', reason: 'board', at: '2026-11-28T09:00:00.000Z' }).doc;
    doc = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-11-30T09:00:00.000Z' }).doc;
    const same = moveCard(doc, { ref: 'kyv', to: 'follow-up', reason: 'board', at: '2026-12-01T09:00:00.000Z' });
    expect(same.doc).toBe(doc);
    expect(findEngagement(doc, 'kyv').history).toEqual([
      { from: null, to: 'intake', at, source: 'local' },
      { from: 'intake', to: 'meet-greet', at: '2026-11-28T09:00:00.000Z', source: 'local', reason: 'board' },
      { from: 'meet-greet', to: 'follow-up', at: '2026-11-30T09:00:00.000Z', source: 'local', reason: 'board' },
    ]);
  });

  it('edits only what the patch names; pals replace, learnings append', () => {
    let doc = editEngagement(seeded(), 'kyv', { pals: ['Ann', 'Bo'], addLearnings: ['timebox helps'], hours: 3 }, at).doc;
    doc = editEngagement(doc, 'kyv', { pals: ['Cy'], addLearnings: ['templates loved'] }, at).doc;
    const e = findEngagement(doc, 'kyv');
    expect(e).toMatchObject({ pals: ['Cy'], learnings: ['timebox helps', 'templates loved'], hours: 3, kickoff: '2026-11-02' });
  });

  it('links, keeps and unlinks the GitHub issue', () => {
    let doc = editEngagement(seeded(), 'kyv', { issue: 'https://github.com/cncf/tag-security/issues/554' }, at).doc;
    expect(findEngagement(doc, 'kyv').github).toMatchObject({
      issue: 'cncf/tag-security#554',
      url: 'https://github.com/cncf/tag-security/issues/554',
    });
    doc = editEngagement(doc, 'kyv', { issue: null }, at).doc;
    expect(findEngagement(doc, 'kyv').github).toBeNull();
    expect(() => editEngagement(doc, 'kyv', { issue: 'nope' }, at)).toThrow(/not an issue reference/);
  });

  it('stores hostile text exactly', () => {
    const doc = addEngagement(emptyDoc(), { name: HOSTILE.slice(0, 150) }, { id: 'h01', at }).doc;
    const withNote = addNote(doc, 'h01', { kind: 'meet-greet', text: HOSTILE }, { id: 'n01', at });
    expect(withNote.value.text).toBe(HOSTILE);
    expect(findEngagement(withNote.doc, 'h01').name).toBe(HOSTILE.slice(0, 150));
  });
});

describe('input schemas', () => {
  it.each([
    [{ name: '' }, /must not be empty/],
    [{ name: '   ' }, /must not be empty/],
    [{ name: 'x'.repeat(201) }, /at most 200/],
    [{ name: 'A', kickoff: '2026-02-30' }, /real date/],
    [{ name: 'A', maturity: 'seed' }, /sandbox/],
    [{ name: 'A', repo: 'javascript:alert(1)' }, /http\(s\) URL/],
    [{ name: 'A', issue: 'cncf/x' }, /owner\/repo#123/],
    [{ name: 'A', phase: 'doing' }, /intake/],
  ])('refuses %o', (input, message) => {
    const result = NewEngagementInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it('refuses negative hours and unknown fields in a patch', () => {
    expect(EngagementPatchSchema.safeParse({ hours: -1 }).success).toBe(false);
    expect(EngagementPatchSchema.safeParse({ nmae: 'x' }).success).toBe(false);
  });
});

describe('retrospective answers', () => {
  it('changes only the answers a patch gives (zod defaults must not blank the others)', () => {
    const patch1 = EngagementPatchSchema.parse({ retro: { worked: 'templates' } });
    let doc = editEngagement(seeded(), 'kyv', patch1, at).doc;
    const patch2 = EngagementPatchSchema.parse({ retro: { less: 'meetings' } });
    doc = editEngagement(doc, 'kyv', patch2, at).doc;
    expect(findEngagement(doc, 'kyv').retro).toEqual({ worked: 'templates', didnt: '', improve: '', more: '', less: 'meetings' });
  });
});
