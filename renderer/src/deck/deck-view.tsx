/**
 * The "Retrospective deck" view: options (title, theme, sections) on the left, the slides as
 * marp-core renders them on the right (re-rendered 300 ms after the last change, and when the
 * board changes), and the exports.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DeckPreview } from '../../../shared/api.js';
import { DECK_SECTIONS, DECK_THEMES, type DeckSection, type DeckTheme } from '../../../shared/deck/sections.js';
import type { DeckOptionsInput } from '../../../shared/deck/options.js';
import { useExport } from '../export/use-export.js';
import { ChoiceSelect, Field } from '../forms/fields.js';
import type { DeckFormat } from '../store/deck-state.js';
import { useAppStore } from '../store/store-context.js';
import { sanitizeDeck } from './sanitize-deck.js';
import { SlideFrame } from './slide-frame.js';

const DEBOUNCE_MS = 300;

const SECTION_LABELS: Readonly<Record<DeckSection, string>> = {
  concept: 'The Security Pals concept',
  projects: 'Projects in the round',
  reactions: 'Initial reactions',
  learnings: 'Learnings',
  timebox: 'Timebox: planned vs actual',
  buyIn: 'Buy-in',
  benefits: 'Benefits',
  nextSteps: 'Next steps',
  retro: 'Retrospective answers',
};
const THEME_LABELS: Readonly<Record<DeckTheme, string>> = { gaia: 'Gaia', default: 'Default', uncover: 'Uncover' };
const FORMATS: readonly (readonly [DeckFormat, string])[] = [
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
];

/** The options the form holds; empty title means the deck's default title. */
function optionsOf(title: string, theme: DeckTheme, sections: Readonly<Record<DeckSection, boolean>>): DeckOptionsInput {
  return { ...(title.trim() ? { title: title.trim() } : {}), theme, sections: { ...sections } };
}

/** The view (mounted only while shown). */
export function DeckView() {
  const id = useId();
  const deckPreview = useAppStore((s) => s.deckPreview);
  const exportDeck = useAppStore((s) => s.exportDeck);
  const board = useAppStore((s) => s.board);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState<DeckTheme>('gaia');
  const [sections, setSections] = useState<Record<DeckSection, boolean>>(
    () => Object.fromEntries(DECK_SECTIONS.map((s) => [s, true])) as Record<DeckSection, boolean>,
  );
  const [preview, setPreview] = useState<DeckPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(() => optionsOf(title, theme, sections), [title, theme, sections]);
  // What the shown preview answers; a newer request means "updating".
  const request = useMemo(() => ({ options, board }), [options, board]);
  const [answered, setAnswered] = useState<typeof request | null>(null);
  const rendering = answered !== request;
  const seq = useRef(0);
  const { busy, run } = useExport();

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void deckPreview(request.options).then((res) => {
        if (mine !== seq.current) return; // a later change asked again
        setAnswered(request);
        if (res.ok) {
          setPreview(res.value);
          setError(null);
        } else setError(res.error.message);
      });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [deckPreview, request]);

  const slides = useMemo(() => (preview ? sanitizeDeck(preview.html) : []), [preview]);

  return (
    <section className="deck-view" aria-labelledby={`${id}-title`}>
      <form
        className="deck-options"
        aria-label="Deck options"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <h2 id={`${id}-title`} className="view-title">
          Retrospective deck
        </h2>
        <Field prefix={id} name="deck-title" label="Deck title">
          {(c) => (
            <input
              {...c}
              className="input"
              value={title}
              maxLength={200}
              placeholder="Security Pals Retrospective"
              dir="auto"
              onChange={(event) => {
                setTitle(event.target.value);
              }}
            />
          )}
        </Field>
        <Field prefix={id} name="theme" label="Theme">
          {(c) => <ChoiceSelect control={c} value={theme} choices={DECK_THEMES} labels={THEME_LABELS} onChange={setTheme} />}
        </Field>
        <fieldset className="deck-sections">
          <legend className="field-label">Sections</legend>
          {DECK_SECTIONS.map((s) => (
            <label key={s} className="deck-section">
              <input
                type="checkbox"
                className="checkbox"
                checked={sections[s]}
                onChange={(event) => {
                  setSections((before) => ({ ...before, [s]: event.target.checked }));
                }}
              />
              {SECTION_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <div className="deck-exports" role="group" aria-label="Export">
          {FORMATS.map(([format, label]) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              disabled={busy !== null}
              aria-busy={busy === `deck as ${label}` || undefined}
              onClick={() => void run(`deck as ${label}`, () => exportDeck(options, format))}
            >
              Export {label}
            </button>
          ))}
        </div>
      </form>
      <div className="deck-preview" aria-labelledby={`${id}-preview-title`} role="region" aria-busy={rendering}>
        <div className="deck-preview-head">
          <h3 id={`${id}-preview-title`} className="side-title">
            Preview
          </h3>
          <p className="muted deck-count" role="status">
            {preview
              ? `${preview.slideCount} ${preview.slideCount === 1 ? 'slide' : 'slides'} from ${preview.engagementCount} ${
                  preview.engagementCount === 1 ? 'engagement' : 'engagements'
                }${rendering ? ' (updating…)' : ''}`
              : error
                ? ''
                : 'Rendering the deck…'}
          </p>
        </div>
        {error && (
          <p role="alert" className="form-error">
            Could not render the deck: {error}
          </p>
        )}
        {/* Focusable so keyboard users can scroll the slides (axe: scrollable-region-focusable). */}
        <ol className="slides" tabIndex={0} aria-label="Slides">
          {slides.map((slide, i) => (
            <li key={i} className="slide">
              <figure className="slide-figure" aria-labelledby={`${id}-slide-${i}`}>
                <SlideFrame slide={slide} css={preview?.css ?? ''} />
                <figcaption id={`${id}-slide-${i}`} className="slide-caption">
                  Slide {i + 1} of {slides.length}
                </figcaption>
              </figure>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
