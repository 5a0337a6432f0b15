/**
 * One custom slide's editor: title, markdown (or a picture's description) and speaker notes,
 * autosaved, with a preview of that slide alone as the deck renders it.
 */
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DeckPreview } from '../../../shared/api.js';
import type { CustomSlide } from '../../../shared/deck/round-deck-schema.js';
import type { Round } from '../../../shared/schema.js';
import { TextAreaField, TextField } from '../forms/fields.js';
import { createAutosave } from '../notes/autosave.js';
import { SaveStatus } from '../notes/save-status.js';
import { useAutosave } from '../notes/use-autosave.js';
import { useAppStore, useStoreApi } from '../store/store-context.js';
import { slideEdit } from './order-entries.js';
import { sanitizeDeck } from './sanitize-deck.js';
import { SlideFrame } from './slide-frame.js';

interface SlideValues {
  readonly title: string;
  /** The markdown of a markdown slide, the description of a picture. */
  readonly body: string;
  readonly notes: string;
}

const valuesOf = (s: CustomSlide): SlideValues => ({ title: s.title, body: s.kind === 'image' ? s.alt : s.markdown, notes: s.notes });
const same = (a: SlideValues, b: SlideValues) => a.title === b.title && a.body === b.body && a.notes === b.notes;

/** The editor (keyed by slide id). */
export function SlideEditor(props: { readonly round: Round; readonly slide: CustomSlide; readonly onRemove: () => void }) {
  const { slide, onRemove } = props;
  const prefix = useId();
  const editRoundDeck = useAppStore((s) => s.editRoundDeck);
  const deckPreview = useAppStore((s) => s.deckPreview);
  const store = useStoreApi();
  const roundId = props.round.id;
  const [engine] = useState(() =>
    createAutosave<SlideValues>({
      initial: valuesOf(slide),
      equals: same,
      save: async (v) => {
        // The round as it is now (other slides may have changed since this editor opened).
        const current = store.getState().board?.rounds.find((r) => r.id === roundId);
        if (!current) return { ok: false, message: 'this round no longer exists' };
        const slides = current.deck.slides.map((s) => {
          if (s.id !== slide.id) return slideEdit(s);
          return s.kind === 'image'
            ? { id: s.id, kind: 'image' as const, title: v.title, alt: v.body, notes: v.notes }
            : { ...s, title: v.title, markdown: v.body, notes: v.notes };
        });
        const res = await editRoundDeck(roundId, { slides });
        return res.ok ? { ok: true } : { ok: false, message: res.error.message };
      },
    }),
  );
  const state = useAutosave(engine);
  const values = useSyncExternalStore(engine.subscribe, engine.latest);
  const set = (patch: Partial<SlideValues>) => {
    engine.update({ ...engine.latest(), ...patch });
  };

  // The slide alone, as the deck renders it (after the title slide), once the saved text changes.
  const [preview, setPreview] = useState<DeckPreview | null>(null);
  const savedText = JSON.stringify(valuesOf(slide));
  useEffect(() => {
    let live = true;
    void deckPreview({ round: roundId, order: [slide.id] }).then((res) => {
      if (live && res.ok) setPreview(res.value);
    });
    return () => {
      live = false;
    };
  }, [deckPreview, roundId, slide.id, savedText]);
  const shown = useMemo(() => (preview ? sanitizeDeck(preview.html).slice(1) : []), [preview]);

  // Opened (Edit, or a slide just added) below the fold of the options column: bring it into view.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Optional call: jsdom has no scrollIntoView.
    root.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div ref={root} className="slide-editor">
      <div className="deck-group-head">
        <p className="field-hint">
          {slide.kind === 'image' ? `Picture: ${slide.image.name || 'embedded'}` : 'Markdown: lists, emphasis, links, tables.'}
        </p>
        <SaveStatus state={state} onRetry={() => void engine.flush()} />
      </div>
      <TextField
        prefix={prefix}
        name="slide-title"
        label="Slide title"
        value={values.title}
        maxLength={200}
        dir="auto"
        onChange={(title) => {
          set({ title });
        }}
      />
      <TextAreaField
        prefix={prefix}
        name="slide-body"
        label={slide.kind === 'image' ? 'What the picture shows' : 'Slide markdown'}
        rows={slide.kind === 'image' ? 2 : 6}
        value={values.body}
        onChange={(body) => {
          set({ body });
        }}
      />
      <TextAreaField
        prefix={prefix}
        name="slide-notes"
        label="Speaker notes"
        rows={2}
        value={values.notes}
        onChange={(notes) => {
          set({ notes });
        }}
      />
      {shown[0] && (
        // The same slide is in the deck's preview beside; this small copy is for the eye only.
        <figure className="slide-figure slide-figure--small" aria-hidden="true">
          <SlideFrame slide={shown[0]} css={preview?.css ?? ''} />
        </figure>
      )}
      <button type="button" className="button button--small button--danger" onClick={onRemove}>
        Remove slide
      </button>
    </div>
  );
}
