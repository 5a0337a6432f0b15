/** Self-assessment progress against documents in every form projects have published (issue 24). */
import { describe, expect, it } from 'vitest';
import { assessmentProgress } from '../../../shared/github/assessment-progress.js';
import { CORPUS } from '../../fixtures/assessment-corpus.js';

const filled = (markdown: string) => assessmentProgress(markdown).flatMap((s) => (s.filled ? [s.title] : []));

describe('assessmentProgress on a corpus of published forms', () => {
  it('has at least 20 documents of different forms', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CORPUS.map((d) => d.form)).size).toBe(CORPUS.length);
  });

  it('agrees with a careful reading on at least 95% of them', () => {
    const disagreements = CORPUS.filter((d) => JSON.stringify(filled(d.markdown)) !== JSON.stringify(d.filled)).map((d) => ({
      form: d.form,
      expected: d.filled,
      read: filled(d.markdown),
    }));
    const agreement = (CORPUS.length - disagreements.length) / CORPUS.length;
    expect(disagreements, `agreement ${(agreement * 100).toFixed(1)}%`).toEqual([]);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });

  it.each(CORPUS.map((d) => [d.form, d] as const))('reads %s as a careful reader does', (_form, doc) => {
    expect(filled(doc.markdown)).toEqual(doc.filled);
  });
});
