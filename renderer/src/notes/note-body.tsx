/**
 * The note's markdown: an uncontrolled textarea (a 200 KB note types as fast as a short one:
 * a keystroke re-renders nothing) and a Preview tab rendered through the sanitizer only when shown.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import { TabList, tabPanelProps } from '../tabs/tab-list.js';
import type { NoteSession } from './note-session.js';

type BodyTab = 'write' | 'preview';
const TABS = [
  { id: 'write', label: 'Write' },
  { id: 'preview', label: 'Preview' },
] as const;

/** Where the caret goes when the editor opens: nowhere (no focus), the end, or a search match. */
export type CaretOnOpen = { readonly at: 'none' } | { readonly at: 'end' } | { readonly at: 'match'; readonly query: string };

function caretRange(text: string, caret: CaretOnOpen): [number, number] {
  if (caret.at !== 'match') return [text.length, text.length];
  const word = caret.query.trim().split(/\s+/)[0] ?? '';
  const found = word ? text.toLowerCase().indexOf(word.toLowerCase()) : -1;
  return found < 0 ? [0, 0] : [found, found + word.length];
}

/** The body editor of one open note. */
export const NoteBody = memo(function NoteBody({ session, caret }: { readonly session: NoteSession; readonly caret: CaretOnOpen }) {
  const { engine } = session;
  const [tab, setTab] = useState<BodyTab>('write');
  const [html, setHtml] = useState<string | null>(null);
  const [initialText] = useState(() => engine.latest().text);
  const [initialCaret] = useState(caret);
  const area = useRef<HTMLTextAreaElement>(null);
  const prefix = useId();

  // Text put in by someone else (an agenda for a new kind, a newer version from elsewhere).
  useEffect(
    () =>
      engine.subscribe(() => {
        const el = area.current;
        const text = engine.latest().text;
        if (el && el.value !== text) el.value = text;
      }),
    [engine],
  );

  useEffect(() => {
    const el = area.current;
    if (!el || initialCaret.at === 'none') return;
    const [start, end] = caretRange(el.value, initialCaret);
    el.focus();
    el.setSelectionRange(start, end);
  }, [initialCaret]);

  const select = (next: BodyTab) => {
    setTab(next);
    if (next !== 'preview') return;
    setHtml(null);
    const text = engine.latest().text;
    // The markdown renderer is loaded the first time a preview is asked for (it is most of the bundle).
    void import('../markdown/render-markdown.js').then(({ renderMarkdown }) => {
      setHtml(renderMarkdown(text));
    });
  };

  return (
    <div className="note-body">
      <div className="note-body-head">
        <label htmlFor={`${prefix}-text`} className="field-label">
          Note
        </label>
        <span id={`${prefix}-hint`} className="field-hint">
          Markdown, saved as you type
        </span>
        <TabList prefix={prefix} label="Note view" tabs={TABS} selected={tab} onSelect={select} className="tabs--small" />
      </div>
      <div {...tabPanelProps(prefix, 'write', tab === 'write')} className="note-body-panel">
        <textarea
          ref={area}
          id={`${prefix}-text`}
          className="textarea note-text-input"
          defaultValue={initialText}
          dir="auto"
          spellCheck
          aria-describedby={`${prefix}-hint`}
          onChange={(e) => {
            engine.update({ ...engine.latest(), text: e.currentTarget.value });
          }}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
              e.preventDefault();
              void engine.flush();
            }
          }}
        />
      </div>
      <div {...tabPanelProps(prefix, 'preview', tab === 'preview')} className="note-body-panel">
        {tab === 'preview' &&
          (html === null ? (
            <p className="muted preview-empty">Rendering the preview…</p>
          ) : html.trim() === '' ? (
            <p className="muted preview-empty">Nothing to preview yet.</p>
          ) : (
            // The one place raw HTML is used: renderMarkdown's sanitized output (see render-markdown.ts).
            <div className="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: html }} />
          ))}
      </div>
    </div>
  );
});
