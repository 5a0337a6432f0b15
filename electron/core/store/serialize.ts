/**
 * `JSON.stringify` of the store document, byte for byte, but fast for the common case of one
 * edit in thousands of engagements: operations replace only the engagements they change, so
 * every untouched engagement is the same object as before and its JSON is taken from a cache
 * (engagement-json.ts). `serializeDocChunks` yields the same text in pieces of about 1 MiB, so
 * writing a large store never builds one string the size of the file (184 MB at 20,000
 * engagements), and can record where each engagement's notes lie (notes-layout.ts).
 */
import type { StoreDoc } from '../../../shared/schema.js';
import { engagementJson, engagementJsonOnce } from './engagement-json.js';
import type { LayoutRecorder } from './notes-layout.js';

const CHUNK_CHARS = 1024 * 1024;

/** The document as compact JSON, in order, as pieces (identical to `JSON.stringify(doc)` once joined). */
function* pieces(doc: StoreDoc, layout: LayoutRecorder | null, keep = true): Generator<string> {
  let first = true;
  // Bytes yielded so far, counted only while a layout is recorded.
  let offset = 0;
  const out = (text: string): string => {
    if (layout) offset += Buffer.byteLength(text);
    return text;
  };
  yield out('{');
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    yield out(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (key !== 'engagements') {
      yield out(JSON.stringify(value));
      continue;
    }
    yield out('[');
    for (let i = 0; i < doc.engagements.length; i++) {
      if (i > 0) yield out(',');
      const e = (keep ? engagementJson : engagementJsonOnce)(doc.engagements[i]!);
      layout?.add(offset, e.bytes, e.notes, e.count);
      offset += e.bytes;
      yield e.json;
    }
    yield out(']');
  }
  yield out('}');
}

/** The document as compact JSON (identical to `JSON.stringify(doc)`). */
export function serializeDoc(doc: StoreDoc): string {
  return [...pieces(doc, null)].join('');
}

/**
 * The same text as `serializeDoc`, in chunks of about 1 MiB, for writing a large store; with
 * `layout`, records where each engagement's notes lie as it goes; `keep` false: caches nothing new.
 */
export function* serializeDocChunks(doc: StoreDoc, layout: LayoutRecorder | null = null, keep = true): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const piece of pieces(doc, layout, keep)) {
    parts.push(piece);
    size += piece.length;
    if (size >= CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
