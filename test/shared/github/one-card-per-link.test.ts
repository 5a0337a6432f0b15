import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../../shared/engagements.js';
import { isPalsError } from '../../../shared/errors.js';
import { addDiscovered, markKnown } from '../../../shared/github/discovery.js';
import { discovered, type IssueSnapshot } from '../../../shared/github/issue.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';

const at = '2026-11-27T10:00:00.000Z';

/** What `fn` threw, as {code, field, message}. */
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isPalsError(error)) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

function found(number: number, title: string, kind: 'issue' | 'pull' = 'issue') {
  const snapshot: IssueSnapshot = {
    ref: { owner: 'cncf', repo: 'tag-security', number, kind },
    state: 'open',
    title,
    labels: ['security-pals'],
    assignees: [],
    milestone: null,
    comments: 0,
    updatedAt: at,
  };
  return discovered(snapshot);
}

/** Falco (linked to #1), Kyverno in draft (no link), Argo with an issue but no PR. */
function board(): StoreDoc {
  let doc = addEngagement(emptyDoc(), { name: 'Falco', issue: 'cncf/tag-security#1' }, { id: 'fal', at }).doc;
  doc = addEngagement(doc, { name: 'KyVerno', phase: 'draft' }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo', issue: 'argoproj/argo-cd#9' }, { id: 'arg', at }).doc;
  return doc;
}

describe('one issue (or PR) belongs to one card', () => {
  it('refuses a new card or an edit linking an issue another card holds, naming that card, beside the field', () => {
    const doc = board();
    const expected = {
      code: 'duplicate',
      field: 'issue',
      message:
        'cncf/tag-security#1 is already linked to "Falco" (id fal); an issue or PR belongs to one card: unlink it from "Falco" first',
    };
    expect(
      refusal(() => addEngagement(doc, { name: 'Other', issue: 'https://github.com/CNCF/tag-security/issues/1' }, { id: 'x', at })),
    ).toEqual(expected);
    expect(refusal(() => editEngagement(doc, 'kyv', { issue: 'cncf/tag-security#1' }, at))).toEqual(expected);
    // The same card may name its own link again.
    expect(editEngagement(doc, 'fal', { issue: 'CNCF/Tag-Security#1' }, at).value.github?.issue.toLowerCase()).toBe('cncf/tag-security#1');
  });

  it('counts a PR linked as a card’s self-assessment PR, both ways', () => {
    let doc = editEngagement(board(), 'arg', { pr: 'cncf/tag-security#42' }, at).doc;
    expect(refusal(() => editEngagement(doc, 'kyv', { pr: 'https://github.com/cncf/tag-security/pull/42' }, at))).toMatchObject({
      field: 'pr',
      message: expect.stringMatching(/^cncf\/tag-security#42 is already linked to "Argo" \(id arg\)/) as string,
    });
    expect(refusal(() => editEngagement(doc, 'kyv', { issue: 'cncf/tag-security#42' }, at))).toMatchObject({ field: 'issue' });
    expect(refusal(() => editEngagement(doc, 'kyv', { pr: 'cncf/tag-security#1' }, at))).toMatchObject({
      field: 'pr',
      message: expect.stringMatching(/"Falco"/) as string,
    });
    doc = editEngagement(doc, 'arg', { pr: null }, at).doc;
    expect(editEngagement(doc, 'kyv', { pr: 'cncf/tag-security#42' }, at).value.pr?.pr).toBe('cncf/tag-security#42');
  });
});

describe('discovery knows the board', () => {
  it('marks an unlinked issue named like an unlinked card (tags stripped, case and spacing ignored) with that card', () => {
    const marked = markKnown(board(), [
      found(1, '[Security Pals] Falco self-assessment'),
      found(2, '[Security Pals]  KYVERNO   self-assessment'),
      found(3, '[Security Pals] Argo'),
      found(4, 'Argo Project Security Self-Assessment - Security Pals', 'pull'),
      found(5, '[Security Pals] Cilium'),
    ]);
    expect(marked.map((d) => [d.issue, d.known, d.match])).toEqual([
      ['cncf/tag-security#1', 'fal', null],
      ['cncf/tag-security#2', null, 'kyv'],
      // Argo has an issue already: another issue is no match, its self-assessment PR is.
      ['cncf/tag-security#3', null, null],
      ['cncf/tag-security#4', null, 'arg'],
      ['cncf/tag-security#5', null, null],
    ]);
  });

  it('never matches an example card', () => {
    const doc = board();
    const example = { ...doc, engagements: doc.engagements.map((e) => (e.id === 'kyv' ? { ...e, example: true } : e)) };
    expect(markKnown(example, [found(2, '[Security Pals] Kyverno')])[0]!.match).toBeNull();
  });

  it('links the matched card instead of adding one (an issue, or a PR as the card’s PR), and a second run changes nothing', () => {
    const choices = [
      found(2, '[Security Pals] Kyverno'),
      found(4, 'Argo Project Security Self-Assessment - Security Pals', 'pull'),
      found(5, 'Cilium'),
    ].map((d) => ({ issue: d.issue, name: d.suggestedName, title: d.title, kind: d.kind }));
    const first = addDiscovered(board(), choices, ['n1', 'n2', 'n3'], at);
    expect(first.value.added.map((e) => [e.id, e.name, e.phase])).toEqual([['n3', 'Cilium', 'intake']]);
    expect(first.value.linked.map((e) => e.id)).toEqual(['kyv', 'arg']);
    expect(first.value.skipped).toEqual([]);
    const kyv = first.doc.engagements.find((e) => e.id === 'kyv')!;
    expect(kyv).toMatchObject({ phase: 'draft', github: { issue: 'cncf/tag-security#2', title: '[Security Pals] Kyverno' }, pr: null });
    const arg = first.doc.engagements.find((e) => e.id === 'arg')!;
    expect(arg).toMatchObject({ github: { issue: 'argoproj/argo-cd#9' }, pr: { pr: 'cncf/tag-security#4' } });
    expect(first.doc.engagements).toHaveLength(4);

    const again = addDiscovered(first.doc, choices, ['m1', 'm2', 'm3'], at);
    expect(again.doc).toBe(first.doc);
    expect(again.value.skipped.map((s) => s.reason)).toEqual([
      'already linked to "KyVerno" (id kyv)',
      'already linked to "Argo" (id arg)',
      'already linked to "Cilium" (id n3)',
    ]);
  });

  it('links a found PR as both the issue and the PR of a card with neither', () => {
    const pr = found(7, 'Kyverno Project Security Self-Assessment - Security Pals', 'pull');
    const done = addDiscovered(board(), [{ issue: pr.issue, name: pr.suggestedName, title: pr.title, kind: 'pull' }], ['n1'], at);
    expect(done.value.linked[0]).toMatchObject({
      id: 'kyv',
      github: { issue: 'cncf/tag-security#7', kind: 'pull', title: pr.title },
      pr: { pr: 'cncf/tag-security#7' },
    });
  });
});
