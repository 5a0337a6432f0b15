/**
 * "Words on the slides": the round's own text for the deck (title, concept and its link, buy-in,
 * benefits, next steps, the biggest takeaway, what each week is for, slide headings), one line
 * per bullet, two leading spaces for a sub-point; autosaved like notes. The pilot's words show
 * only as placeholders: a section left empty is left out of the deck.
 */
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { WEEK_PHASES, type WeekPhase } from '../../../shared/deck/round-deck-schema.js';
import { DECK_SECTIONS, DEFAULT_HEADINGS } from '../../../shared/deck/sections.js';
import { PHASE_TITLES } from '../../../shared/phases.js';
import type { Round } from '../../../shared/schema.js';
import { describeWindow } from '../../../shared/windows.js';
import { TextAreaField, TextField } from '../forms/fields.js';
import { createAutosave } from '../notes/autosave.js';
import { SaveStatus } from '../notes/save-status.js';
import { useAutosave } from '../notes/use-autosave.js';
import { useAppStore } from '../store/store-context.js';
import { sameWords, wordsChanges, wordsOf, wordsProblems, type DeckWords } from './deck-words.js';
import { PLACEHOLDERS, WEEK_PLACEHOLDERS } from './placeholders.js';

type ListKey = 'concept' | 'buyIn' | 'benefits' | 'nextSteps' | 'takeaways';
const LISTS: readonly (readonly [ListKey, string])[] = [
  ['concept', 'Concept text'],
  ['buyIn', 'Buy-in text'],
  ['benefits', 'Benefits text'],
  ['nextSteps', 'Next steps text'],
  ['takeaways', 'Takeaways (the first is the biggest single one)'],
];

/** The editor for one round (keyed by round id, so another round starts a new autosave). */
export function DeckWordsEditor({ round }: { readonly round: Round }) {
  const prefix = useId();
  const editRound = useAppStore((s) => s.editRound);
  const editRoundDeck = useAppStore((s) => s.editRoundDeck);
  const [engine] = useState(() =>
    createAutosave<DeckWords>({
      initial: wordsOf(round),
      equals: sameWords,
      save: async (values, saved) => {
        const first = Object.values(wordsProblems(values))[0];
        if (first) return { ok: false, message: `the link ${first}` };
        const changes = wordsChanges(saved ?? values, values);
        if (Object.keys(changes.round).length > 0) {
          const res = await editRound({ id: round.id, ...changes.round });
          if (!res.ok) return { ok: false, message: res.error.message };
        }
        if (Object.keys(changes.deck).length > 0) {
          const res = await editRoundDeck(round.id, changes.deck);
          if (!res.ok) return { ok: false, message: res.error.message };
        }
        return { ok: true };
      },
    }),
  );
  const state = useAutosave(engine);
  const values = useSyncExternalStore(engine.subscribe, engine.latest);
  const errors = wordsProblems(values);
  // Words saved elsewhere (another window, `pals round edit`) show when nothing here is pending.
  useEffect(() => {
    const next = wordsOf(round);
    if (!sameWords(next, engine.latest())) engine.reset(next);
  }, [round, engine]);
  const set = (patch: Partial<DeckWords>) => {
    engine.update({ ...engine.latest(), ...patch });
  };

  return (
    <div className="deck-words">
      <div className="deck-group-head">
        <p className="field-hint">One line per bullet; start a line with two spaces for a sub-point. Empty sections are left out.</p>
        <SaveStatus state={state} onRetry={() => void engine.flush()} />
      </div>
      <TextField
        prefix={prefix}
        name="deck-title"
        label="Deck title"
        value={values.title}
        maxLength={200}
        placeholder={`TAG Security - Security Pals Retrospective (${round.name})`}
        dir="auto"
        onChange={(title) => {
          set({ title });
        }}
      />
      {LISTS.map(([key, label]) => (
        <TextAreaField
          key={key}
          prefix={prefix}
          name={key}
          label={label}
          rows={key === 'takeaways' ? 2 : 4}
          value={values[key]}
          placeholder={PLACEHOLDERS[key]}
          onChange={(text) => {
            set({ [key]: text });
          }}
        />
      ))}
      <div className="deck-link">
        <TextField
          prefix={prefix}
          name="link-label"
          label="Concept link label"
          value={values.linkLabel}
          maxLength={200}
          placeholder={PLACEHOLDERS.linkLabel}
          onChange={(linkLabel) => {
            set({ linkLabel });
          }}
        />
        <TextField
          prefix={prefix}
          name="link-url"
          label="Concept link"
          error={errors.linkUrl}
          type="url"
          value={values.linkUrl}
          maxLength={2000}
          placeholder={PLACEHOLDERS.linkUrl}
          onChange={(linkUrl) => {
            set({ linkUrl });
          }}
        />
      </div>
      <fieldset className="deck-weeks">
        <legend className="field-label">What each week is for (the timebox slide)</legend>
        {WEEK_PHASES.map((phase: WeekPhase) => (
          <TextAreaField
            key={phase}
            prefix={prefix}
            name={`week-${phase}`}
            label={`${PHASE_TITLES[phase]} (${describeWindow(round.windows[phase])})`}
            rows={2}
            value={values.weeks[phase]}
            placeholder={WEEK_PLACEHOLDERS[phase]}
            onChange={(text) => {
              set({ weeks: { ...engine.latest().weeks, [phase]: text } });
            }}
          />
        ))}
      </fieldset>
      <label className="deck-section">
        <input
          type="checkbox"
          className="checkbox"
          checked={values.attribute}
          onChange={(e) => {
            set({ attribute: e.target.checked });
          }}
        />
        Name the projects beside reactions and retrospective answers
      </label>
      <details className="deck-headings">
        <summary>Slide headings</summary>
        {DECK_SECTIONS.map((s) => (
          <TextField
            key={s}
            prefix={prefix}
            name={`heading-${s}`}
            label={`Heading: ${DEFAULT_HEADINGS[s]}`}
            value={values.headings[s]}
            maxLength={200}
            placeholder={DEFAULT_HEADINGS[s]}
            dir="auto"
            onChange={(text) => {
              set({ headings: { ...engine.latest().headings, [s]: text } });
            }}
          />
        ))}
      </details>
    </div>
  );
}
