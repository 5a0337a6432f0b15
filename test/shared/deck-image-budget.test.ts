/**
 * Pictures live inside `pals.json`, which every write replaces and every backup copies: 100 image
 * slides of 10 MB in each of several rounds would make a store no restore accepts (256 MB) and
 * every save slow. All pictures together have a budget; a picture over it is refused, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DECK_IMAGES_BYTES, MAX_DECK_IMAGE_BYTES } from '../../shared/deck/deck-image.js';
import { addDeckImage } from '../../shared/deck/round-deck.js';
import { addRound } from '../../shared/rounds.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';

/** A PNG's base64 of about `bytes` bytes (its signature, then filler). */
function png(bytes: number): string {
  const raw = Buffer.alloc(bytes, 0x41);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(raw);
  return raw.toString('base64');
}

describe('the pictures budget', () => {
  it('refuses a picture that would take all pictures over the budget, in any round', () => {
    const big = png(MAX_DECK_IMAGE_BYTES);
    let doc: StoreDoc = emptyDoc();
    const perBudget = Math.floor(MAX_DECK_IMAGES_BYTES / MAX_DECK_IMAGE_BYTES);
    for (let i = 0; i < perBudget; i++) doc = addDeckImage(doc, 'default', { base64: big, name: `p${i}.png` }).doc;
    expect(() => addDeckImage(doc, 'default', { base64: big, name: 'one-more.png' })).toThrow(/pictures .* at most 64 MB/);
    const other = addRound(doc, { name: 'Round 2' }, '2026-11-01T09:00:00.000Z');
    expect(() => addDeckImage(other.doc, other.value.id, { base64: big, name: 'elsewhere.png' })).toThrow(/at most 64 MB/);
    // What fits still goes in.
    expect(addDeckImage(doc, 'default', { base64: png(1024), name: 'small.png' }).value.kind).toBe('image');
  });
});
