/**
 * Search across engagements and their notes: names, note text, attendees and action items.
 * Every word must match (in any field of one engagement or one note), ignoring case and accents.
 */
import type { StoreDoc } from './schema.js';

export interface SearchHit {
  readonly engagementId: string;
  readonly engagementName: string;
  /** Null when the engagement itself matched (its name, pals or repo). */
  readonly noteId: string | null;
  /** A short piece of text around the first match, for the result list. */
  readonly snippet: string;
}

/** Lower case without accents, so "revisión" finds "revision". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function snippetAround(text: string, word: string, radius = 40): string {
  const at = fold(text).indexOf(word);
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + word.length + radius);
  const flat = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${flat}${end < text.length ? '…' : ''}`;
}

/** Hits for `query` (at most `limit`), engagements before their notes, in board order. */
export function search(doc: StoreDoc, query: string, limit = 50): SearchHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const matchesAll = (haystack: string) => words.every((w) => haystack.includes(w));
  const hits: SearchHit[] = [];
  for (const e of doc.engagements) {
    const own = [e.name, ...e.pals, e.repo ?? '', e.github?.issue ?? ''].join('\n');
    if (matchesAll(fold(own))) hits.push({ engagementId: e.id, engagementName: e.name, noteId: null, snippet: e.name });
    for (const n of e.notes) {
      const fields = [n.text, n.attendees.join(', '), ...n.actions.map((a) => `${a.text} ${a.owner ?? ''}`)];
      const all = fold(`${e.name}\n${fields.join('\n')}`);
      if (!matchesAll(all)) continue;
      const where = fields.find((f) => fold(f).includes(words[0]!)) ?? n.text;
      hits.push({ engagementId: e.id, engagementName: e.name, noteId: n.id, snippet: snippetAround(where, words[0]!) });
    }
    if (hits.length >= limit) break;
  }
  return hits.slice(0, limit);
}
