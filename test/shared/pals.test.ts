import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocText } from '../../shared/document.js';
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import { palLoad } from '../../shared/load.js';
import { addPal, editPal, lookAlikes, mergePals, palDirectory, setPalLogins } from '../../shared/pals.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { updateSettings } from '../../shared/settings-update.js';

const at = '2026-11-27T10:00:00.000Z';

function seeded(): StoreDoc {
  let doc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', pals: ['alice chen'], phase: 'draft' }, { id: 'kyv', at }).doc;
  doc = addEngagement(doc, { name: 'Argo', pals: ['Bo'], phase: 'review' }, { id: 'arg', at }).doc;
  return doc;
}

describe('the pal registry', () => {
  it('lists card-only names and registered pals once each, with the limit in force', () => {
    let doc = addPal(seeded(), ' Alice   Chen ', { login: '@alice-gh', limit: 3, email: 'alice@example.org' }, at).doc;
    expect(palDirectory(doc)).toEqual([
      { name: 'Alice Chen', login: 'alice-gh', limit: 3, ownLimit: 3, email: 'alice@example.org', registered: true },
      { name: 'Bo', login: null, limit: 2, ownLimit: null, email: null, registered: false },
    ]);
    // The card takes the registered spelling.
    expect(doc.engagements.find((e) => e.id === 'kyv')!.pals).toEqual(['Alice Chen']);
    expect(() => addPal(doc, 'ALICE CHEN', {}, at)).toThrow(/"Alice Chen" is already a pal/);
    doc = editEngagement(doc, 'arg', { pals: ['alice  CHEN', 'bo', 'Bo'] }, at).doc;
    expect(doc.engagements.find((e) => e.id === 'arg')!.pals).toEqual(['Alice Chen', 'Bo']);
  });

  it('matches a new card’s pals ignoring case and spacing', () => {
    const doc = addEngagement(seeded(), { name: 'Falco', pals: ['ALICE  chen'] }, { id: 'fal', at }).doc;
    expect(doc.engagements.find((e) => e.id === 'fal')!.pals).toEqual(['alice chen']);
    expect(palDirectory(doc).map((p) => p.name)).toEqual(['alice chen', 'Bo']);
  });

  it('renames a pal everywhere they are named, and refuses a name another pal has', () => {
    let doc = seeded();
    doc = {
      ...doc,
      engagements: doc.engagements.map((e) =>
        e.id === 'kyv'
          ? {
              ...e,
              notes: [
                {
                  id: 'n1',
                  kind: 'general' as const,
                  date: null,
                  createdAt: at,
                  updatedAt: at,
                  text: '',
                  attendees: ['Alice chen'],
                  actions: [{ id: 'a1', text: 'x', owner: 'ALICE CHEN', done: false, due: null }],
                },
              ],
            }
          : e,
      ),
    };
    doc = editPal(doc, 'alice chen', { name: 'Alice Chen-Wu', limit: 1 }, '2026-11-28T10:00:00.000Z').doc;
    const kyv = doc.engagements.find((e) => e.id === 'kyv')!;
    expect(kyv.pals).toEqual(['Alice Chen-Wu']);
    expect(kyv.notes[0]!.attendees).toEqual(['Alice Chen-Wu']);
    expect(kyv.notes[0]!.actions[0]!.owner).toBe('Alice Chen-Wu');
    expect(kyv.updatedAt).toBe('2026-11-28T10:00:00.000Z');
    expect(() => editPal(doc, 'Alice Chen-Wu', { name: 'bo' }, at)).toThrow(/"Bo" is another pal; to make them one, use `pals pal merge/);
    expect(() => editPal(doc, 'Nobody', { limit: 2 }, at)).toThrow(/no pal is called "Nobody"/);
  });

  it('merges two spellings: cards, notes and action items of one become the other’s', () => {
    let doc = addEngagement(seeded(), { name: 'Falco', pals: ['Alice-Chen', 'Bo'] }, { id: 'fal', at }).doc;
    doc = addPal(doc, 'Alice Chen', { login: 'alice-gh' }, at).doc;
    doc = addPal(doc, 'Alice-Chen', { email: 'a@example.org', limit: 4 }, at).doc;
    const known = palDirectory(doc).map((p) => p.name);
    expect(lookAlikes(known, 'Alice Chenn')).toEqual(['Alice Chen', 'Alice-Chen']);
    expect(lookAlikes(known, 'alice  chen')).toEqual([]);
    expect(lookAlikes(known, 'Bob')).toEqual([]);
    // A class of students: a shared surname is no second spelling.
    expect(lookAlikes(['Hana Okafor', 'Nia Okafor', 'Lea Okafor'], 'Ana Okafor')).toEqual([]);
    expect(lookAlikes(['Ana Okafor'], 'ana  okafor')).toEqual([]); // the same pal (case, spacing): a match, no look-alike
    expect(lookAlikes(['Ana Okafor'], 'Ana Okafór')).toEqual(['Ana Okafor']); // an accent apart: offered
    expect(lookAlikes(['Ana Okafor'], 'Ana Okafr')).toEqual(['Ana Okafor']);
    doc = mergePals(doc, 'alice-chen', 'ALICE CHEN', at).doc;
    expect(palDirectory(doc)).toEqual([
      { name: 'Alice Chen', login: 'alice-gh', limit: 4, ownLimit: 4, email: 'a@example.org', registered: true },
      { name: 'Bo', login: null, limit: 2, ownLimit: null, email: null, registered: false },
    ]);
    expect(doc.engagements.find((e) => e.id === 'fal')!.pals).toEqual(['Alice Chen', 'Bo']);
    expect(() => mergePals(doc, 'Alice Chen', 'alice chen', at)).toThrow(/the same pal/);
  });

  it('uses each pal’s own limit in the load', () => {
    let doc = addEngagement(seeded(), { name: 'Falco', pals: ['Bo'], phase: 'draft' }, { id: 'fal', at }).doc;
    doc = addEngagement(doc, { name: 'Flux', pals: ['Bo'], phase: 'draft' }, { id: 'flx', at }).doc;
    doc = addPal(doc, 'Bo', { limit: 4 }, at).doc;
    doc = addPal(doc, 'Dee', {}, at).doc;
    expect(palLoad(doc, '2026-11-27')).toEqual([
      { pal: 'Bo', active: 3, limit: 4, over: false, overdue: 0 },
      { pal: 'alice chen', active: 1, limit: 2, over: false, overdue: 0 },
      { pal: 'Dee', active: 0, limit: 2, over: false, overdue: 0 },
    ]);
  });

  it('keeps logins in the registry and refuses a login for someone who is no pal', () => {
    const doc = setPalLogins(seeded(), { 'ALICE CHEN': '@alice', Bo: '' });
    expect(palDirectory(doc).map((p) => [p.name, p.login])).toEqual([
      ['alice chen', 'alice'],
      ['Bo', null],
    ]);
    expect(updateSettings(doc, {}).value.palLogins).toEqual({ 'alice chen': 'alice' });
    expect(() => updateSettings(doc, { palLogins: { Nobody: 'zzz' } })).toThrow(/no pal is called "Nobody"/);
    expect(() => updateSettings(doc, { palLogins: { Bo: 'not a login' } })).toThrow(/not a GitHub login/);
    // Leaving a pal out of the map clears their login (the settings page sends the whole map).
    expect(updateSettings(doc, { palLogins: {} }).value.palLogins).toEqual({});
  });

  it('moves a format-1 store’s pal → login map into the registry', () => {
    const v1 = JSON.parse(readFileSync(new URL('../fixtures/stores/v1-2026-12-07.json', import.meta.url), 'utf8')) as {
      settings: Record<string, unknown>;
    };
    v1.settings.palLogins = { 'Alice Chen': 'alice-gh' };
    const { doc, fromVersion } = parseDocText(JSON.stringify(v1));
    expect(fromVersion).toBe(1);
    expect(doc.settings.pals).toEqual([{ name: 'Alice Chen', login: 'alice-gh', limit: null, email: null }]);
    expect('palLogins' in doc.settings).toBe(false);
  });
});
