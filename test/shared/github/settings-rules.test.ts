/** Label rules, settings, assignees and discovery names: the pure operations behind labels, settings and discover. */
import { describe, expect, it } from 'vitest';
import { addEngagement } from '../../../shared/engagements.js';
import { describeMatch, matchAssignees } from '../../../shared/github/assignees.js';
import { addDiscovered, markKnown } from '../../../shared/github/discovery.js';
import { isPalsPullTitle, nameFromTitle } from '../../../shared/github/issue.js';
import { roundRules, ruleProblem, setPhaseLabels, withPhaseLabels } from '../../../shared/github/label-rules.js';
import { DEFAULT_LABEL_RULES, labelChangeFor } from '../../../shared/github/labels.js';
import { setGithubSettings } from '../../../shared/github/settings.js';
import { applyPullResult, pullLinkFor } from '../../../shared/github/pull-link.js';
import { emptyDoc, StoreDocSchema } from '../../../shared/schema.js';
import { settingsView, updateSettings } from '../../../shared/settings-update.js';
import { viewEngagement } from '../../../shared/view.js';

const at = '2026-11-01T09:00:00.000Z';

/** An empty store whose registry knows these pals (a login is only for a pal). */
function withPals(...names: string[]) {
  const doc = emptyDoc();
  return { ...doc, settings: { ...doc.settings, pals: names.map((name) => ({ name, login: null, limit: null, email: null })) } };
}

describe('label rules', () => {
  it('accepts the built-in rules and refuses a label that means two phases, ignoring case', () => {
    expect(ruleProblem(DEFAULT_LABEL_RULES)).toBeNull();
    const clash = [...DEFAULT_LABEL_RULES, { label: 'PALS/Draft', phase: 'review' as const, family: 'pals', requires: [] }];
    expect(ruleProblem(clash)).toMatch(/"PALS\/Draft" would mean both Self-assessment draft and In review/);
    expect(() => setGithubSettings(emptyDoc(), { labelRules: clash })).toThrow(/a label can mean only one phase/);
  });

  it('refuses the discovery label as a phase label from the app’s table too, in the words `labels set` uses', () => {
    const rules = [...DEFAULT_LABEL_RULES, { label: 'Security-Pals', phase: 'review' as const, family: 'pals', requires: [] }];
    const words = /^"Security-Pals" is the label the program finds its issues by \(discovery\); it cannot mean a phase/;
    expect(ruleProblem(rules)).toMatch(words);
    expect(() => setGithubSettings(emptyDoc(), { labelRules: rules })).toThrow(words);
    expect(() => setPhaseLabels(emptyDoc(), 'default', 'review', ['Security-Pals'])).toThrow(words);
    // Only as a label that means a phase: a rule may still require it alongside its own label.
    expect(ruleProblem([{ label: 'pals/review', phase: 'review', family: 'pals', requires: ['security-pals'] }])).toBeNull();
  });

  it('sets one phase’s labels in place (first match keeps its order), the first being what write-back sets', () => {
    const rules = withPhaseLabels(DEFAULT_LABEL_RULES, 'intake', ['new-project', ' pals/intake ', 'NEW-PROJECT', '']);
    expect(rules.slice(0, 2)).toEqual([
      { label: 'new-project', phase: 'intake', family: 'pals', requires: [] },
      { label: 'pals/intake', phase: 'intake', family: 'pals', requires: [] },
    ]);
    expect(rules.filter((r) => r.phase === 'intake')).toHaveLength(2);
    expect(labelChangeFor('intake', rules)).toMatchObject({ setLabel: 'new-project' });
    expect(labelChangeFor('draft', rules)?.removeLabels).toContain('new-project');
    expect(() => withPhaseLabels(DEFAULT_LABEL_RULES, 'draft', ['pals/review'])).toThrow(/already means In review/);
  });

  it('writes a round’s own rules, copied from the ones it used, and leaves the document alone on a refusal', () => {
    const doc = emptyDoc();
    expect(roundRules(doc, 'default').source).toBe('default');
    const set = setPhaseLabels(doc, 'default', 'done', ['shipped']);
    expect(roundRules(set.doc, 'default')).toMatchObject({ source: 'round' });
    expect(set.value.rules.filter((r) => r.phase === 'done').map((r) => r.label)).toEqual(['shipped']);
    expect(doc.rounds[0]!.labelRules).toBeNull();
    expect(() => setPhaseLabels(doc, 'nope', 'done', ['x'])).toThrow(/no round/);
    expect(() => setPhaseLabels(doc, 'default', 'done', [' '])).toThrow(/at least one label/);
  });
});

describe('settings', () => {
  it('changes what the patch names, keeps the rest, and reads back through the schema', () => {
    const doc = withPals('Alice', 'Bob');
    expect(settingsView(doc)).toMatchObject({ apiUrl: 'https://api.github.com', writeBack: false, palLimit: 2 });
    const next = updateSettings(doc, {
      dueSoonDays: 3,
      apiUrl: 'https://ghe.example.com/api/v3/',
      writeBack: true,
      palLogins: { Alice: '@alice', Bob: '' },
    });
    expect(next.value).toMatchObject({
      dueSoonDays: 3,
      palLimit: 2,
      apiUrl: 'https://ghe.example.com/api/v3',
      writeBack: true,
      palLogins: { Alice: 'alice' },
    });
    expect(next.doc.rounds[0]!.writeBack).toBe(true);
    expect(StoreDocSchema.parse(next.doc).settings.apiUrl).toBe('https://ghe.example.com/api/v3');
    expect(updateSettings(next.doc, { apiUrl: 'https://api.github.com' }).doc.settings.apiUrl).toBeNull();
    expect(updateSettings(doc, {}).doc).toBe(doc);
  });

  it('refuses an address that would send the token in clear, and a login that is not one', () => {
    expect(() => updateSettings(emptyDoc(), { apiUrl: 'http://ghe.example.com' })).toThrow(/plain http/);
    expect(() => updateSettings(emptyDoc(), { apiUrl: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
    expect(() => updateSettings(withPals('Alice'), { palLogins: { Alice: 'a b' } })).toThrow(/not a GitHub login/);
    expect(() => updateSettings(emptyDoc(), { palLogins: { Alice: 'alice' } })).toThrow(/no pal is called "Alice"/);
    const stored = { ...emptyDoc(), settings: { ...emptyDoc().settings, apiUrl: 'http://evil.example' } };
    expect(StoreDocSchema.safeParse(stored).success).toBe(false);
  });
});

describe('assignees against the pals', () => {
  it('says whether the issue’s assignees are the card’s pals, through the login map', () => {
    const logins = { Alice: 'alice', Bob: 'Bob-GH' };
    expect(matchAssignees(['ALICE', 'bob-gh'], ['Alice', 'Bob'], logins).state).toBe('match');
    const partly = matchAssignees(['alice', 'mallory'], ['Alice', 'Bob'], logins);
    expect(partly).toMatchObject({ state: 'mismatch', unassignedPals: ['Bob'] });
    expect(describeMatch(partly)).toBe('not assigned: Bob; not a pal: mallory');
    expect(matchAssignees([], [], {}).state).toBe('none');
    expect(describeMatch(matchAssignees(['x'], ['Carol'], logins))).toBe('pals without a GitHub login in the settings');
  });
});

describe('discovery names and links', () => {
  it('names a card from its title without tags', () => {
    expect(nameFromTitle('[Security Pals] Falco self-assessment')).toBe('Falco');
    expect(nameFromTitle('Kyverno Project Security Self-Assessment - Security Pals')).toBe('Kyverno');
    expect(nameFromTitle('Security Pals: Self-assessment for Kubescape')).toBe('Kubescape');
    expect(nameFromTitle('OpenFGA – Security Pals')).toBe('OpenFGA');
    expect(nameFromTitle('[Security Pals]')).toBe('[Security Pals]');
    expect(nameFromTitle('<b>x</b> [WIP]')).toBe('<b>x</b>');
    expect(isPalsPullTitle('Argo CD self-assessment - Security Pals')).toBe(true);
    expect(isPalsPullTitle('Security Pals: docs')).toBe(false);
  });

  it('marks what an engagement links as its issue or its PR; a PR taken on is also the card’s PR', () => {
    const item = (issue: string, kind: 'issue' | 'pull' = 'issue') => ({
      issue,
      url: '',
      kind,
      title: 't',
      state: 'open' as const,
      labels: [],
      project: null,
      suggestedName: 't',
      known: null,
      match: null,
    });
    let doc = addEngagement(emptyDoc(), { name: 'A', issue: 'o/r#1' }, { id: 'eng-a', at }).doc;
    doc = addDiscovered(doc, [{ issue: 'o/r#2', name: 'B', kind: 'pull' }], ['eng-b'], at).doc;
    expect(doc.engagements[1]!.pr).toMatchObject({ pr: 'o/r#2', url: 'https://github.com/o/r/pull/2' });
    expect(markKnown(doc, [item('O/R#1'), item('o/r#2', 'pull'), item('o/r#3'), item('o/r#3')]).map((f) => f.known)).toEqual([
      'eng-a',
      'eng-b',
      null,
    ]);
    expect(addDiscovered(doc, [{ issue: 'o/r#2', name: 'C' }], ['eng-c'], at).value.skipped).toHaveLength(1);
  });
});

describe('the self-assessment PR link', () => {
  it('keeps what the last sync read for the same PR and applies a result only to the PR asked about', () => {
    const link = pullLinkFor('https://github.com/o/r/pull/5', null)!;
    expect(link).toMatchObject({ pr: 'o/r#5', url: 'https://github.com/o/r/pull/5', sections: [] });
    let doc = addEngagement(emptyDoc(), { name: 'A' }, { id: 'eng-a', at }).doc;
    doc = { ...doc, engagements: [{ ...doc.engagements[0]!, pr: link }] };
    const read = applyPullResult(
      doc,
      'eng-a',
      'o/r#5',
      { kind: 'read', path: 'sa.md', sections: [{ title: 'Overview', filled: true }], etag: 'W/"1"' },
      at,
    );
    expect(viewEngagement(read.doc, read.doc.engagements[0]!, '2026-11-27').pr).toMatchObject({ path: 'sa.md', filled: 1, total: 1 });
    expect(applyPullResult(read.doc, 'eng-a', 'o/r#6', { kind: 'unchanged' }, at).doc).toBe(read.doc);
    expect(pullLinkFor('O/R#5', read.doc.engagements[0]!.pr)).toBe(read.doc.engagements[0]!.pr);
    expect(() => pullLinkFor('not a pr', null)).toThrow();
  });
});
