/**
 * Exports escape every stored value where they write it, whatever the schema promised: a store
 * that reached the program without validation (it used to, under a forged seal) must not add an
 * event to the calendar, a directive or a remote image to the deck, or markup to the starter.
 * The hostile values below bypass the schema on purpose (a cast, not a parse).
 */
import { Marp } from '@marp-team/marp-core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { addAction } from '../../shared/actions.js';
import { assessmentStarter } from '../../shared/assessment.js';
import { buildDeck } from '../../shared/deck/build-deck.js';
import { MARP_OPTIONS } from '../../shared/deck/marp-options.js';
import { addEngagement } from '../../shared/engagements.js';
import { buildIcs, uidText } from '../../shared/ics.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { pilotRoundWithText } from '../fixtures/pilot-round.js';

const at = '2026-11-27T10:00:00.000Z';
const today = '2026-11-27';
const INJECT = '\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:injected\r\nDTSTART;VALUE=DATE:20261201\r\nEND:VEVENT';
/** Markup a deck must show as text: a slide break, a Marp directive, a remote image, raw HTML. */
const MARKUP =
  '\n\n---\n\n<!-- backgroundImage: url(https://evil.example/bg.png) -->\n![x](https://evil.example/img.png)\n<img src="https://evil.example/raw.png">';

/** `doc` with `edit` applied to a deep copy, without any validation. */
function hostile(
  doc: StoreDoc,
  edit: (raw: { engagements: Record<string, unknown>[]; rounds: Record<string, unknown>[] }) => void,
): StoreDoc {
  const raw = structuredClone(doc) as unknown as { engagements: Record<string, unknown>[]; rounds: Record<string, unknown>[] };
  edit(raw);
  return raw as unknown as StoreDoc;
}

describe('the calendar export', () => {
  function seeded(): StoreDoc {
    let doc = emptyDoc();
    doc = addEngagement(doc, { name: 'Kyverno', pals: ['Ana'], phase: 'draft', kickoff: '2026-11-02' }, { id: 'kyv', at }).doc;
    doc = addAction(
      doc,
      'kyv',
      { text: 'Send the SBOM', owner: 'Ana', due: '2026-12-04' },
      { actionId: 'act-1', noteId: 'note-1', at, today },
    ).doc;
    return doc;
  }

  it('keeps a CRLF in an id or a due date from adding an event or a property', () => {
    const clean = buildIcs(seeded(), today);
    const doc = hostile(seeded(), (raw) => {
      const e = raw.engagements[0]!;
      e.id = `kyv${INJECT}`;
      const note = (e.notes as { actions: Record<string, unknown>[] }[])[0]!;
      note.actions[0]!.id = `act-1${INJECT}`;
    });
    const text = buildIcs(doc, today);
    const count = (ics: string) => ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length;
    expect(count(text)).toBe(count(clean));
    expect(text).not.toMatch(/^(UID|SUMMARY):injected/m);
    for (const line of text.split('\r\n').filter((l) => l.startsWith('UID:'))) expect(line).toMatch(/^UID:[A-Za-z0-9@._%-]+$/);
    // A calendar reads back the same events, with the ids' odd characters kept (encoded) in their UIDs.
    const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    expect(events).toHaveLength(count(clean));
    expect(events.map((v) => String(v.getFirstPropertyValue('uid')))).toContain(`action-${uidText(`act-1${INJECT}`)}@security-pals-desk`);
  });

  it('leaves out an event whose date is not a date, instead of writing it as is', () => {
    const doc = hostile(seeded(), (raw) => {
      const note = (raw.engagements[0]!.notes as { actions: Record<string, unknown>[] }[])[0]!;
      note.actions[0]!.due = `2026-12-04${INJECT}`;
    });
    const text = buildIcs(doc, today);
    expect(text).not.toContain('injected');
    expect(text).not.toContain('Send the SBOM');
  });

  it('writes real ids unchanged (UIDs stay stable across exports)', () => {
    expect(uidText('phase-kyv-draft@security-pals-desk')).toBe('phase-kyv-draft@security-pals-desk');
    expect(uidText('a\r\nb ü')).toBe('a%0D%0Ab%20%C3%BC');
  });
});

/** The structure Marp parses from a deck: every token but plain text, with images' and links' targets. */
function structure(markdown: string): string[] {
  const marp = new Marp({ ...MARP_OPTIONS, emoji: { ...MARP_OPTIONS.emoji } });
  interface Token {
    type: string;
    content: string;
    children: Token[] | null;
    attrGet(name: string): string | null;
  }
  const tokens = (marp.markdown as unknown as { parse(src: string, env: object): Token[] }).parse(markdown, {});
  const out: string[] = [];
  const walk = (list: readonly Token[]) => {
    for (const t of list) {
      if (t.type !== 'text' && t.type !== 'text_special' && t.type !== 'softbreak') {
        const target =
          t.type === 'image'
            ? t.attrGet('src')
            : t.type === 'link_open'
              ? t.attrGet('href')
              : t.type === 'marpit_comment'
                ? t.content
                : null;
        out.push(target === null ? t.type : `${t.type} ${target.slice(0, 40)}`);
      }
      if (t.children) walk(t.children);
    }
  };
  walk(tokens);
  return out;
}

describe('the retrospective deck', () => {
  it('shows every interpolated field as text: no directive, image, HTML or link of its own', () => {
    const clean = pilotRoundWithText();
    const doc = hostile(clean, (raw) => {
      for (const e of raw.engagements) {
        e.maturity = `incubating${MARKUP}`;
        e.hours = `12 | ${MARKUP}`;
      }
    });
    const markdown = buildDeck(doc).markdown;
    expect(markdown).not.toContain('https://evil.example');
    const shape = structure(markdown);
    // Images: the deck's own (inline charts and pictures) only; comments: its speaker notes and slide classes only; no HTML.
    expect(shape.filter((t) => t.startsWith('image ') && !t.startsWith('image data:image/'))).toEqual([]);
    expect(shape.filter((t) => t.startsWith('marpit_comment ') && !/^marpit_comment (Speaker notes\n|_class: \w+$|fit$)/.test(t))).toEqual(
      [],
    );
    expect(shape.filter((t) => t.startsWith('html_'))).toEqual([]);
    expect(shape.filter((t) => t === 'marpit_slide_open').length).toBe(buildDeck(doc).slideCount);
  });
});

describe('the self-assessment starter', () => {
  it('writes a hostile maturity as text', () => {
    const doc = addEngagement(emptyDoc(), { name: 'Kyverno' }, { id: 'kyv', at }).doc;
    const e = {
      ...doc.engagements[0]!,
      maturity: '<img src=x onerror=alert(1)> [x](javascript:alert(1))',
    } as unknown as StoreDoc['engagements'][0];
    const text = assessmentStarter(e, today);
    expect(text).toContain('CNCF \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) project');
    expect(text).not.toMatch(/(^|[^\\])<img/);
  });
});
