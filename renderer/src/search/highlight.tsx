/** Marks the words of a query inside a piece of text (as React text: nothing is parsed as HTML). */
import type { ReactNode } from 'react';

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every occurrence of the query's words wrapped in <mark>, ignoring case. */
export function Highlight({ text, query }: { readonly text: string; readonly query: string }) {
  const words = query.trim().split(/\s+/).filter(Boolean).map(escape);
  if (words.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${words.join('|')})`, 'giu'));
  const out: ReactNode[] = parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
  return <>{out}</>;
}
