import { describe, expect, it } from 'vitest';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { editRound } from '../../shared/rounds.js';
import { DEFAULT_CRITERIA_WEIGHTS, emptyCriteria, emptyDoc } from '../../shared/schema.js';
import { criteriaParts, selectionScore } from '../../shared/selection.js';
import { cardView, viewEngagement } from '../../shared/view.js';

const at = '2026-05-01T09:00:00.000Z';

describe('selection score', () => {
  it('is 100 for a young project with nothing on security, a sponsor and top priority; low for an audited graduated one', () => {
    const w = DEFAULT_CRITERIA_WEIGHTS;
    const best = {
      maturity: 'sandbox' as const,
      criteria: { security: 'none' as const, sponsor: 'TOC: Alice', sponsorLink: null, priority: 5 },
    };
    const worst = {
      maturity: 'graduated' as const,
      criteria: { security: 'audited' as const, sponsor: '', sponsorLink: null, priority: 0 },
    };
    expect(selectionScore(best, w)).toBe(100);
    expect(selectionScore(worst, w)).toBe(4);
    expect(selectionScore({ maturity: 'sandbox', criteria: emptyCriteria() }, w)).toBe(Math.round((100 * (3 * 0.5 + 2 * 1)) / 10));
    expect(criteriaParts({ maturity: 'incubating', criteria: { ...emptyCriteria(), sponsorLink: 'https://x.io' } })).toEqual({
      security: 0.5,
      sponsor: 1,
      maturity: 0.6,
      priority: 0,
    });
  });

  it('follows the weights; all weights 0 give 0', () => {
    const e = { maturity: 'graduated' as const, criteria: { ...emptyCriteria(), priority: 5 } };
    expect(selectionScore(e, { security: 0, sponsor: 0, maturity: 0, priority: 1 })).toBe(100);
    expect(selectionScore(e, { security: 0, sponsor: 0, maturity: 1, priority: 0 })).toBe(20);
    expect(selectionScore(e, { security: 0, sponsor: 0, maturity: 0, priority: 0 })).toBe(0);
  });

  it('cards and records carry the score under their round’s weights, and criteria change through add and edit', () => {
    let doc = addEngagement(emptyDoc(), { name: 'Kyverno', criteria: { security: 'none', priority: 5 } }, { id: 'kyv', at }).doc;
    const kyv = () => doc.engagements[0]!;
    expect(kyv().criteria).toEqual({ security: 'none', sponsor: '', sponsorLink: null, priority: 5 });
    expect(cardView(doc, kyv(), '2026-05-10').score).toBe(80);
    doc = editEngagement(doc, 'kyv', { criteria: { sponsor: 'TAG Security', priority: null } }, at).doc;
    expect(kyv().criteria).toEqual({ security: 'none', sponsor: 'TAG Security', sponsorLink: null, priority: null });
    expect(viewEngagement(doc, kyv(), '2026-05-10').score).toBe(70);
    doc = editRound(doc, 'default', { criteriaWeights: { priority: 0, security: 0, maturity: 0 } }).doc;
    expect(cardView(doc, kyv(), '2026-05-10')).toMatchObject({ score: 100, criteria: { sponsor: 'TAG Security' } });
  });
});
