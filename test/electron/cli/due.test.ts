import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../../shared/attention.js';
import { addEngagement, addNote } from '../../../shared/engagements.js';
import { updateNote } from '../../../shared/notes.js';
import { emptyDoc, type StoreDoc } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import { DEFAULT_VIEW, saveNamedView } from '../../../shared/views.js';
import { pals, tempDir } from '../../helpers.js';

const AT = '2026-11-01T10:00:00.000Z';
// The helpers' PALS_NOW is 2026-11-27.

async function seeded(): Promise<string> {
  let doc: StoreDoc = emptyDoc();
  doc = addEngagement(doc, { name: 'Kyverno', kickoff: '2026-11-16', phase: 'meet-greet', pals: ['Ana'] }, { id: 'eng-kyv', at: AT }).doc; // closed 11-23
  doc = addEngagement(doc, { name: 'Argo', kickoff: '2026-11-24', phase: 'meet-greet', pals: ['Bo'] }, { id: 'eng-argo', at: AT }).doc; // closes 12-01
  doc = addEngagement(doc, { name: 'Falco\n<b>x</b>', kickoff: '2026-11-20', phase: 'follow-up' }, { id: 'eng-falco', at: AT }).doc; // 12-18
  doc = addNote(doc, 'eng-falco', { kind: 'general', text: '' }, { id: 'note-1', at: AT }).doc;
  doc = updateNote(doc, 'eng-falco', 'note-1', { actions: [{ text: 'send the threat model', owner: 'Ana', due: '2026-12-06' }] }, AT, [
    'act-1',
  ]).doc;
  doc = saveNamedView(doc, 'Overdue', { ...DEFAULT_VIEW, due: 'overdue' }).doc;
  doc = saveNamedView(doc, 'My engagements', { ...DEFAULT_VIEW, pal: 'Bo' }).doc;
  const dir = await tempDir();
  await writeFile(join(dir, 'pals.json'), JSON.stringify(doc));
  return dir;
}

describe('pals due', () => {
  it('prints the digest as JSON, overdue first, with the contract fields', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['due', '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const items = JSON.parse(r.stdout) as AttentionItem[];
    expect(items.map(({ kind, engagement, what, due, state }) => ({ kind, engagement, what, due, state }))).toEqual([
      { kind: 'phase', engagement: 'Kyverno', what: 'Meet & greet window closes', due: '2026-11-23', state: 'overdue' },
      { kind: 'phase', engagement: 'Argo', what: 'Meet & greet window closes', due: '2026-12-01', state: 'due-soon' },
    ]);
    const wider = JSON.parse((await pals(dir, ['due', '--json', '--within', '9'])).stdout) as AttentionItem[];
    expect(wider.map((i) => i.what)).toEqual(['Meet & greet window closes', 'Meet & greet window closes', 'send the threat model']);
    expect(wider[2]).toMatchObject({ kind: 'action', engagement: 'Falco\n<b>x</b>', id: 'eng-falco', actionId: 'act-1', owner: 'Ana' });
    const none = await pals(dir, ['due', '--json', '--within', '0'], { env: { PALS_NOW: '2026-11-01' } });
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('prints one line per item as text, names on one line', async () => {
    const dir = await seeded();
    const r = await pals(dir, ['due', '--within', '9']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Needs attention on 2026-11-27 (overdue, or due within 9 days):');
    expect(lines[1]).toMatch(/^OVERDUE +2026-11-23 +Kyverno +Meet & greet window closes$/);
    expect(lines[3]).toMatch(/^due soon +2026-12-06 +Falco <b>x<\/b> +send the threat model \(owner Ana\) \[act-1\]$/);
    expect(lines).toHaveLength(4);
    const quiet = await pals(dir, ['due'], { env: { PALS_NOW: '2026-10-01' } });
    expect(quiet.stdout).toBe('Nothing overdue, and nothing due within 7 days of 2026-10-01.\n');
  });

  it('refuses a --within that is not a number of days (usage, exit 2)', async () => {
    const dir = await seeded();
    for (const bad of ['-1', 'soon', '1.5', '400']) {
      const r = await pals(dir, ['due', '--within', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/^error: --within: must be a whole number of days/);
    }
  });
});

describe('pals list --view', () => {
  it('lists only what a saved view shows, by name in any case, and refuses an unknown view', async () => {
    const dir = await seeded();
    const overdue = JSON.parse((await pals(dir, ['list', '--json', '--view', 'overdue'])).stdout) as EngagementView[];
    expect(overdue.map((e) => e.name)).toEqual(['Kyverno']);
    const mine = await pals(dir, ['list', '--view', 'My engagements']);
    expect(mine.code).toBe(0);
    expect(mine.stdout).toContain('Argo');
    expect(mine.stdout).not.toContain('Kyverno');
    const unknown = await pals(dir, ['list', '--view', 'Nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: there is no saved view named "Nope"; the saved views are "Overdue", "My engagements"/);
  });
});
