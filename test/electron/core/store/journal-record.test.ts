/**
 * Journal records are "this is now the value" changes: replaying every record, from any state
 * the sequence passed through, must land on the final document (that is what lets a crash
 * between replacing pals.json and retiring the journal read back right).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRecord, diffDocs } from '../../../../electron/core/store/journal-record.js';
import { addEngagement, editEngagement, removeEngagement } from '../../../../shared/engagements.js';
import { PHASES } from '../../../../shared/phases.js';
import { emptyDoc, type StoreDoc } from '../../../../shared/schema.js';
import { moveCard } from '../../../../shared/move.js';

const at = '2026-11-27T10:00:00.000Z';
type Step = { kind: 'add' | 'move' | 'edit' | 'remove' | 'reverse' | 'settings'; pick: number; n: number };

function apply(doc: StoreDoc, step: Step, serial: number): StoreDoc {
  const target = doc.engagements.length ? doc.engagements[step.pick % doc.engagements.length]!.id : null;
  switch (step.kind) {
    case 'add':
      return addEngagement(doc, { name: `Project ${serial}` }, { id: `p-${serial}`, at }).doc;
    case 'move':
      return target ? moveCard(doc, { ref: target, to: PHASES[step.n % PHASES.length]!, reason: 'board', at: at }).doc : doc;
    case 'edit':
      return target ? editEngagement(doc, target, { hours: step.n }, at).doc : doc;
    case 'remove':
      return target ? removeEngagement(doc, target).doc : doc;
    case 'reverse':
      return { ...doc, engagements: [...doc.engagements].reverse() };
    case 'settings':
      return { ...doc, settings: { ...doc.settings, dueSoonDays: step.n % 30 } };
  }
}

const steps = fc.array(
  fc.record({
    kind: fc.constantFrom<Step['kind']>('add', 'add', 'move', 'edit', 'remove', 'reverse', 'settings'),
    pick: fc.nat(50),
    n: fc.nat(60),
  }),
  { minLength: 1, maxLength: 30 },
);

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('journal records', () => {
  it('is null when nothing changed', () => {
    const doc = addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'argo-id', at }).doc;
    expect(diffDocs(doc, doc)).toBeNull();
    expect(diffDocs(doc, { ...doc })).toBeNull();
  });

  it('replays to the final document from the start and from every state on the way', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const states: StoreDoc[] = [emptyDoc()];
        const records: unknown[] = [];
        list.forEach((step, i) => {
          const prev = states.at(-1)!;
          const next = apply(prev, step, i);
          const record = diffDocs(prev, next);
          if (record) records.push(plain(record));
          states.push(next);
        });
        const final = plain(states.at(-1));
        for (const start of states) {
          let doc = plain(start) as Record<string, unknown>;
          for (const record of records) doc = applyRecord(doc, record);
          expect(doc).toEqual(final);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses records that would lose or invent engagements', () => {
    const doc = plain(addEngagement(emptyDoc(), { name: 'Argo' }, { id: 'argo-id', at }).doc) as Record<string, unknown>;
    expect(() => applyRecord(doc, { o: ['argo-id', 'ghost'] })).toThrow(/does not hold \(ghost\)/);
    expect(() => applyRecord(doc, { e: [{ name: 'no id' }] })).toThrow(/no id/);
    expect(() => applyRecord(doc, { k: { engagements: [] } })).toThrow(/bad values/);
    expect(() => applyRecord(doc, 'text')).toThrow(/not an object/);
  });
});
