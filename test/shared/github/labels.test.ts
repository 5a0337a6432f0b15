import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_RULES, labelChangeFor, matchRule, rulesFor, suggestPhase } from '../../../shared/github/labels.js';
import { setGithubSettings } from '../../../shared/github/settings.js';
import { emptyDoc, LabelRulesSchema, SCHEMA_VERSION, StoreDocSchema, type LabelRule } from '../../../shared/schema.js';

const open = (labels: string[], kind: 'issue' | 'pull' = 'issue') => ({ state: 'open' as const, labels, kind });

describe('label → phase', () => {
  it('maps the desk’s own labels and the cncf/tag-security ones by default', () => {
    expect(suggestPhase(open(['pals/meet-greet']))).toBe('meet-greet');
    expect(suggestPhase(open(['PALS/Review']))).toBe('review');
    expect(suggestPhase(open(['need-self-assessment']))).toBe('intake');
    expect(suggestPhase(open(['triage-required', 'usecase-presentation']))).toBe('intake');
    expect(suggestPhase(open(['assessment', 'in-progress']))).toBe('draft');
    expect(suggestPhase(open(['in-progress']))).toBeNull();
    expect(suggestPhase(open(['assessment', 'inactive']))).toBeNull();
    expect(suggestPhase(open([]))).toBeNull();
  });

  it('takes the first matching rule, so pals/* labels win over the heuristics', () => {
    expect(suggestPhase(open(['assessment', 'in-progress', 'pals/review']))).toBe('review');
    expect(suggestPhase(open(['need-self-assessment', 'assessment', 'in-progress']))).toBe('draft');
  });

  it('suggests done for a closed issue or PR whatever its labels, and review for an open PR', () => {
    expect(suggestPhase({ state: 'closed', labels: ['pals/intake'], kind: 'issue' })).toBe('done');
    expect(suggestPhase({ state: 'closed', labels: [], kind: 'pull' })).toBe('done');
    expect(suggestPhase(open([], 'pull'))).toBe('review');
    expect(suggestPhase(open(['pals/draft'], 'pull'))).toBe('draft');
    expect(suggestPhase({ state: null, labels: [], kind: 'issue' })).toBeNull();
  });

  it('uses the round’s rules, else the settings’, else the defaults', () => {
    const custom: LabelRule[] = [{ label: 'status: writing', phase: 'draft', family: 'status', requires: [] }];
    let doc = emptyDoc();
    expect(rulesFor(doc, { round: 'default' })).toBe(DEFAULT_LABEL_RULES);
    doc = setGithubSettings(doc, { labelRules: custom }).doc;
    expect(rulesFor(doc, { round: 'default' })).toEqual(custom);
    doc = setGithubSettings(doc, { roundId: 'default', labelRules: [{ ...custom[0]!, phase: 'review' }] }).doc;
    expect(matchRule(['Status: Writing'], rulesFor(doc, { round: 'default' }))?.phase).toBe('review');
    expect(rulesFor(doc, { round: 'gone' })).toEqual(custom);
  });

  it('gives write-back the phase label and the rest of its family to remove', () => {
    expect(labelChangeFor('draft', DEFAULT_LABEL_RULES)).toEqual({
      setLabel: 'pals/draft',
      removeLabels: ['pals/intake', 'pals/meet-greet', 'pals/follow-up', 'pals/review', 'pals/done'],
    });
    const onlyCompound: LabelRule[] = [{ label: 'in-progress', phase: 'draft', family: 'x', requires: ['assessment'] }];
    expect(labelChangeFor('draft', onlyCompound)).toBeNull();
  });

  it('validates rules, and reads old files without the new settings', () => {
    expect(LabelRulesSchema.safeParse([{ label: '', phase: 'draft' }]).success).toBe(false);
    expect(LabelRulesSchema.safeParse([{ label: 'x', phase: 'doing' }]).success).toBe(false);
    expect(LabelRulesSchema.parse([{ label: 'x', phase: 'draft' }])).toEqual([
      { label: 'x', phase: 'draft', family: 'pals', requires: [] },
    ]);
    const old = StoreDocSchema.parse({
      schemaVersion: SCHEMA_VERSION,
      settings: { currentRound: 'default' },
      rounds: [{ id: 'default', name: 'R' }],
      engagements: [],
    });
    expect(old.settings).toMatchObject({ labelRules: null, lastSync: null });
    expect(old.rounds[0]).toMatchObject({ labelRules: null, writeBack: false });
    expect(old.outbox).toEqual([]);
    expect(StoreDocSchema.parse(emptyDoc())).toEqual(emptyDoc());
  });

  it('refuses settings for a round that does not exist', () => {
    expect(() => setGithubSettings(emptyDoc(), { roundId: 'nope', writeBack: true })).toThrow(/no round "nope"/);
    expect(setGithubSettings(emptyDoc(), { writeBack: true }).value.rounds[0]!.writeBack).toBe(true);
  });
});

describe('write-back removes only labels that mean a phase by themselves (issue 23.3)', () => {
  const rules: LabelRule[] = [
    { label: 'pals/review', phase: 'review', family: 'pals', requires: [] },
    { label: 'security-pals', phase: 'review', family: 'pals', requires: [] },
    { label: 'pals/draft', phase: 'draft', family: 'pals', requires: [] },
    { label: 'in-progress', phase: 'draft', family: 'pals', requires: ['assessment'] },
    { label: 'security-pals', phase: 'intake', family: 'pals', requires: [] },
  ];

  it('never removes a discovery label or a label that only helps another rule, and never sets a discovery label', () => {
    expect(labelChangeFor('draft', rules)).toEqual({ setLabel: 'pals/draft', removeLabels: ['pals/review'] });
    expect(labelChangeFor('review', rules)).toEqual({ setLabel: 'pals/review', removeLabels: ['pals/draft'] });
    expect(labelChangeFor('intake', rules)).toBeNull();
  });
});
