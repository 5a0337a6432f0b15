import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { addEngagement, addNote } from '../../shared/engagements.js';
import { isPalsError } from '../../shared/errors.js';
import { emptyDoc } from '../../shared/schema.js';

const at = '2026-11-27T10:00:00.000Z';
const sample = (() => {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', kickoff: '2026-11-02', pals: ['Ann'] }, { id: 'kyv', at }).doc;
  doc = addNote(doc, 'kyv', { kind: 'meet-greet', text: '# hi\n---\n<b>x</b>' }, { id: 'n01', at }).doc;
  return JSON.stringify(doc);
})();

/** Every failure must be our own error with a message, never a crash of another kind. */
function expectCleanRefusal(text: string): void {
  try {
    parseDocText(text);
  } catch (error) {
    expect(isPalsError(error), String(error)).toBe(true);
    expect((error as Error).message.length).toBeGreaterThan(5);
    return;
  }
}

describe('store loader on hostile input (fast-check)', () => {
  it('refuses every truncation of a valid file cleanly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sample.length - 1 }), (cut) => {
        expect(() => parseDocText(sample.slice(0, cut))).toThrow();
        expectCleanRefusal(sample.slice(0, cut));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses random JSON values and random text cleanly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ schemaVersion: 1, engagements: v })),
        ),
        (text) => {
          expectCleanRefusal(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('accepts the valid file and any whitespace around it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ \n\t]*$/), (pad) => {
        expect(parseDocText(pad + sample + pad).doc.engagements[0]!.name).toBe('Kyverno');
      }),
      { numRuns: 50 },
    );
  });
});
