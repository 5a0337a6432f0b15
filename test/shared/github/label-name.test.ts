/** Label names the desk will set, remove or match (shared/github/label-name.ts), and the rules that use them. */
import { describe, expect, it } from 'vitest';
import { labelNameProblem } from '../../../shared/github/label-name.js';
import { setPhaseLabels } from '../../../shared/github/label-rules.js';
import { emptyDoc } from '../../../shared/schema.js';

describe('label names', () => {
  it('takes GitHub’s ordinary names, slashes, dots, spaces and emoji included, up to 50 characters', () => {
    for (const name of ['pals/review', 'security pals', 'v1.0', '.github', 'a/..', 'needs: review 🔍', 'x'.repeat(50), 'é'.repeat(50)]) {
      expect(labelNameProblem(name), name).toBeNull();
    }
  });

  it('refuses what GitHub or a request path cannot take', () => {
    expect(labelNameProblem('')).toBe('a label must not be empty');
    expect(labelNameProblem('   ')).toBe('a label must not be empty');
    for (const name of ['.', '..', '/', '//', './', ' . ', '\\\\', '/../'])
      expect(labelNameProblem(name), name).toMatch(/only dots and slashes/);
    for (const name of ['a\nb', 'tab\there', 'nul\u0000', 'bell\u0007', 'del\u007f', 'c1\u0085'])
      expect(labelNameProblem(name), name).toMatch(/control character/);
    expect(labelNameProblem('x'.repeat(51))).toMatch(/longer than 50 characters, GitHub's limit/);
  });

  it('is checked when a phase’s labels are set, and nothing changes', () => {
    const doc = emptyDoc();
    const round = doc.settings.currentRound;
    expect(() => setPhaseLabels(doc, round, 'review', ['pals/review', '.'])).toThrow(/the label "\." is only dots and slashes/);
    expect(() => setPhaseLabels(doc, round, 'review', ['..'])).toThrow(/only dots and slashes/);
    expect(setPhaseLabels(doc, round, 'review', ['pals/review', 'v1.0']).value.rules.filter((r) => r.phase === 'review')).toHaveLength(2);
  });
});
