import { describe, expect, it } from 'vitest';
import { serializeDoc, serializeDocChunks } from '../../../../electron/core/store/serialize.js';
import { addEngagement, addNote, editEngagement } from '../../../../shared/engagements.js';
import { emptyDoc } from '../../../../shared/schema.js';
import { HOSTILE } from '../../../helpers.js';

const at = '2026-11-27T10:00:00.000Z';

describe('serializeDoc', () => {
  it('is byte-identical to JSON.stringify, before and after edits', () => {
    let doc = emptyDoc();
    expect(serializeDoc(doc)).toBe(JSON.stringify(doc));
    for (let i = 0; i < 20; i++) doc = addEngagement(doc, { name: `P${i} ${HOSTILE.slice(0, 40)}` }, { id: `p${i}xx`, at }).doc;
    doc = addNote(doc, 'p3xx', { kind: 'general', text: HOSTILE }, { id: 'n1xx', at }).doc;
    expect(serializeDoc(doc)).toBe(JSON.stringify(doc));
    doc = editEngagement(doc, 'p7xx', { hours: 3, reaction: 'changed "quoted" \u2028' }, at).doc;
    expect(serializeDoc(doc)).toBe(JSON.stringify(doc));
    expect(JSON.parse(serializeDoc(doc))).toEqual(doc);
  });

  it('never serves a stale engagement after an edit replaced it', () => {
    let doc = addEngagement(emptyDoc(), { name: 'Kyverno' }, { id: 'kyv', at }).doc;
    serializeDoc(doc);
    doc = editEngagement(doc, 'kyv', { name: 'Kyverno 2' }, at).doc;
    expect(serializeDoc(doc)).toContain('"Kyverno 2"');
  });
});

describe('serializeDocChunks', () => {
  it('yields the same text in pieces no larger than about a megabyte plus one engagement', () => {
    let doc = emptyDoc();
    for (let i = 0; i < 300; i++) doc = addEngagement(doc, { name: `P${i}`, pals: ['x'.repeat(5_000)] }, { id: `p${i}xx`, at }).doc;
    const chunks = [...serializeDocChunks(doc)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(JSON.stringify(doc));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(1024 * 1024 + 10_000);
  });
});
