/**
 * The deck's running order, kept with the round: every section and custom slide, shown or not,
 * moved by dragging or with the Move up / Move down buttons (the keyboard path); custom slides
 * are added (markdown, or a picture from a file), edited and removed here.
 */
import { useId, useRef, useState } from 'react';
import { deckEntries, type PlanEntry } from '../../../shared/deck/plan.js';
import type { CustomSlide, RoundDeckPatch } from '../../../shared/deck/round-deck-schema.js';
import { entryLabel, slideEdit } from './order-entries.js';
import { nextSlideId } from '../../../shared/deck/round-deck.js';
import { SECTION_DESCRIPTIONS } from '../../../shared/deck/sections.js';
import type { Round } from '../../../shared/schema.js';
import { useAppStore } from '../store/store-context.js';
import { readImage } from './read-image.js';
import { SlideEditor } from './slide-editor.js';
import { notSavedText } from '../feedback/not-saved.js';

/** The list editor for one round. */
export function RunningOrder({ round, omitted }: { readonly round: Round; readonly omitted: readonly string[] }) {
  const prefix = useId();
  const editRoundDeck = useAppStore((s) => s.editRoundDeck);
  const addDeckImage = useAppStore((s) => s.addDeckImage);
  const entries = deckEntries(round.deck);
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const dragged = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);

  const save = async (patch: RoundDeckPatch, done?: string) => {
    const res = await editRoundDeck(round.id, patch);
    setMessage(res.ok ? (done ? { kind: 'info', text: done } : null) : { kind: 'error', text: notSavedText(res.error.message) });
    return res.ok;
  };
  const items = (list: readonly PlanEntry[]) => list.map((e) => ({ id: e.id, on: e.on }));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= entries.length || from === to) return;
    const next = [...entries];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    void save({ items: items(next) }, `${entryLabel(moved!, round.deck.headings)} moved to place ${to + 1} of ${next.length}`).then(() => {
      // Keep the keyboard with the entry that moved (its other arrow when this one is now disabled).
      setTimeout(() => {
        const row = list.current?.children[to];
        const buttons = Array.from(row?.querySelectorAll<HTMLButtonElement>('[data-move]') ?? []);
        (buttons.find((b) => b.dataset.move === (to < from ? 'up' : 'down') && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
      }, 0);
    });
  };
  const addSlide = async () => {
    const id = nextSlideId(round.deck, 'slide');
    const slide: CustomSlide = { id, kind: 'markdown', title: 'New slide', markdown: '', notes: '' };
    if (await save({ slides: [...round.deck.slides.map(slideEdit), slide], items: [...items(entries), { id, on: true }] }, 'Slide added')) {
      setOpen(id);
    }
  };
  const addImage = async (file: File) => {
    const read = await readImage(file);
    if (!read.ok) {
      setMessage({ kind: 'error', text: read.message });
      return;
    }
    const res = await addDeckImage(round.id, { base64: read.base64, name: file.name, alt: '', title: '' });
    if (!res.ok) setMessage({ kind: 'error', text: `Not added: ${res.error.message}` });
    else {
      setMessage({ kind: 'info', text: `${file.name} added as an image slide` });
      setOpen(res.value.slideId);
    }
  };

  return (
    <div className="running-order">
      <p className="field-hint">Drag to reorder, or use the arrows. Unchecked sections and slides are left out.</p>
      <ol ref={list} className="order-list" aria-label="Running order">
        {entries.map((e, i) => {
          const label = entryLabel(e, round.deck.headings);
          const empty = e.on && omitted.includes(e.id);
          return (
            <li
              key={e.id}
              className={`order-item${e.on ? '' : ' order-item--off'}`}
              draggable
              onDragStart={(ev) => {
                dragged.current = i;
                ev.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(ev) => {
                ev.preventDefault();
              }}
              onDrop={(ev) => {
                ev.preventDefault();
                if (dragged.current !== null) move(dragged.current, i);
                dragged.current = null;
              }}
            >
              <div className="order-row">
                <span className="order-grip" aria-hidden="true">
                  ⋮⋮
                </span>
                <label className="order-label">
                  <input
                    type="checkbox"
                    className="checkbox"
                    checked={e.on}
                    aria-describedby={`${prefix}-${e.id}-about`}
                    onChange={(ev) => {
                      void save({ items: items(entries.map((x) => (x.id === e.id ? { ...x, on: ev.target.checked } : x))) });
                    }}
                  />
                  <span>{label}</span>
                </label>
                <span id={`${prefix}-${e.id}-about`} className={empty ? 'order-note' : 'visually-hidden'}>
                  {empty ? 'nothing to show yet: left out' : e.kind === 'section' ? SECTION_DESCRIPTIONS[e.id] : 'a slide of your own'}
                </span>
                <span className="order-buttons">
                  <button
                    type="button"
                    className="icon-button"
                    data-move="up"
                    aria-label={`Move ${label} up`}
                    disabled={i === 0}
                    onClick={() => {
                      move(i, i - 1);
                    }}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-move="down"
                    aria-label={`Move ${label} down`}
                    disabled={i === entries.length - 1}
                    onClick={() => {
                      move(i, i + 1);
                    }}
                  >
                    ↓
                  </button>
                  {e.kind === 'slide' && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={open === e.id}
                      aria-label={`Edit ${label}`}
                      onClick={() => {
                        setOpen(open === e.id ? null : e.id);
                      }}
                    >
                      Edit
                    </button>
                  )}
                </span>
              </div>
              {e.kind === 'slide' && open === e.id && (
                <SlideEditor
                  key={e.id}
                  round={round}
                  slide={e.slide}
                  onRemove={() => {
                    setOpen(null);
                    void save(
                      {
                        slides: round.deck.slides.filter((s) => s.id !== e.id).map(slideEdit),
                        items: items(entries.filter((x) => x.id !== e.id)),
                      },
                      `${label} removed`,
                    );
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="deck-add" role="group" aria-label="Add a slide">
        <button type="button" className="button button--small" onClick={() => void addSlide()}>
          Add markdown slide
        </button>
        <label className="button button--small file-button">
          Add image slide…
          <input
            type="file"
            className="visually-hidden"
            accept="image/png,image/jpeg,image/gif,image/webp"
            onChange={(ev) => {
              const file = ev.target.files?.[0];
              ev.target.value = '';
              if (file) void addImage(file);
            }}
          />
        </label>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'form-error' : 'field-hint'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
