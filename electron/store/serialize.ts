/**
 * `JSON.stringify` of the store document, byte for byte, but fast for the common case of one
 * edit in thousands of engagements: operations replace only the engagements they change, so
 * every untouched engagement is the same object as before and its JSON is taken from a cache.
 */
import type { StoreDoc } from '../../shared/schema.js';

const cache = new WeakMap<object, string>();

function cached(value: object): string {
  let json = cache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    cache.set(value, json);
  }
  return json;
}

/** The document as compact JSON (identical to `JSON.stringify(doc)`). */
export function serializeDoc(doc: StoreDoc): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const json = key === 'engagements' ? `[${doc.engagements.map(cached).join(',')}]` : JSON.stringify(value);
    parts.push(`${JSON.stringify(key)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}
