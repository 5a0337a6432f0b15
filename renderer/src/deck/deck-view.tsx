/**
 * The "Retrospective deck" view: on the left the round's deck (its running order, its own
 * words, its added slides, all kept with the round) and the theme and exports; on the right the
 * slides as marp-core renders them (re-rendered 300 ms after the last change, and when the board
 * changes). The deck is the round's the board shows (the current one when it shows every round).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DeckPreview } from '../../../shared/api.js';
import { DECK_THEMES, type DeckTheme } from '../../../shared/deck/sections.js';
import type { DeckOptionsInput } from '../../../shared/deck/options.js';
import { ALL_ROUNDS } from '../../../shared/schema.js';
import { useExport } from '../export/use-export.js';
import { ChoiceSelect, Field } from '../forms/fields.js';
import type { DeckFormat } from '../store/deck-slice.js';
import { selectShownRound } from '../store/selectors.js';
import { useAppStore } from '../store/store-context.js';
import { DeckWordsEditor } from './deck-words-editor.js';
import { RunningOrder } from './running-order.js';
import { sanitizeDeck } from './sanitize-deck.js';
import { SlideFrame } from './slide-frame.js';

const DEBOUNCE_MS = 300;

const THEME_LABELS: Readonly<Record<DeckTheme, string>> = { gaia: 'Gaia', default: 'Default', uncover: 'Uncover' };
const FORMATS: readonly (readonly [DeckFormat, string])[] = [
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['pdf', 'PDF'],
  ['pptx', 'PowerPoint'],
];

/** The view (mounted only while shown). */
export function DeckView() {
  const id = useId();
  const deckPreview = useAppStore((s) => s.deckPreview);
  const exportDeck = useAppStore((s) => s.exportDeck);
  const board = useAppStore((s) => s.board);
  const [theme, setTheme] = useState<DeckTheme>('gaia');
  const [preview, setPreview] = useState<DeckPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The deck is about the round the board shows (the current round when every round is shown).
  const shown = useAppStore(selectShownRound);
  const roundId = shown === ALL_ROUNDS ? (board?.settings.currentRound ?? 'default') : shown;
  const round = board?.rounds.find((r) => r.id === roundId);
  const options = useMemo((): DeckOptionsInput => ({ theme, ...(round ? { round: round.id } : {}) }), [theme, round]);
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
        {round && <p className="muted deck-round">Round: {round.name}</p>}
        <Field prefix={id} name="theme" label="Theme">
          {(c) => <ChoiceSelect control={c} value={theme} choices={DECK_THEMES} labels={THEME_LABELS} onChange={setTheme} />}
        </Field>
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
        {round && (
          <>
            <section className="deck-group" aria-labelledby={`${id}-order`}>
              <h3 id={`${id}-order`} className="side-title">
                Sections and slides
              </h3>
              <RunningOrder round={round} omitted={preview?.omitted ?? []} />
            </section>
            <section className="deck-group" aria-labelledby={`${id}-words`}>
              <h3 id={`${id}-words`} className="side-title">
                Words on the slides
              </h3>
              <DeckWordsEditor key={round.id} round={round} />
            </section>
          </>
        )}
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
