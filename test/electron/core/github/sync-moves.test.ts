/**
 * Every card a sync moves is reported (issue 23, "silent moves"): after a label rule change the
 * issues answer 304, yet cards move; the report lists each with its real from and to, `updated`
 * counts it once, and a card that did not move (a conflict, a failure, a move by another writer
 * while the answer was on its way) is not listed.
 */
import { describe, expect, it } from 'vitest';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { PalsStore } from '../../../../electron/core/store/store.js';
import { setPhaseLabels } from '../../../../shared/github/label-rules.js';
import { moveCard } from '../../../../shared/move.js';
import type { Phase } from '../../../../shared/phases.js';
import { tempDir } from '../../../helpers.js';
import type { FakeGithub } from '../../../support/github/fake-github.js';
import { client, fakeGithub, linked, openStore, TOKEN } from './setup.js';

const FIRST = new Date('2026-11-20T10:00:00.000Z');
const LATER = new Date('2026-11-27T10:00:00.000Z');
const BECAUSE = 'label "sa-in-progress"';

/**
 * Six linked issues as the issue describes them. Under the built-in rules `sa-in-progress` means
 * nothing; the rule change makes it a Self-assessment draft label, which moves Alpha (Intake,
 * skipping Meet & greet and Follow-up), Beta (Follow-up) and Gamma (Intake).
 */
async function sixCards(dir?: string) {
  const fake = await fakeGithub();
  const store = await openStore(dir);
  const issues: [string, Partial<Parameters<FakeGithub['add']>[0]>][] = [
    ['Alpha', { labels: ['triage-required', 'sa-in-progress'] }],
    ['Beta', { labels: ['sa-in-progress'] }],
    ['Gamma', { labels: ['need-self-assessment', 'sa-in-progress'] }],
    ['Delta', { labels: ['pals/meet-greet'] }],
    ['Epsilon', { state: 'closed' }],
    ['Zeta', { labels: ['pals/review'] }],
  ];
  for (const [i, [name, issue]] of issues.entries()) {
    fake.add({ owner: 'o', repo: 'r', number: i + 1, ...issue });
    await linked(store, name, `o/r#${i + 1}`);
  }
  // Beta's coordinator moved it along by hand before the first sync.
  await store.update((doc) => moveCard(doc, { ref: 'e-beta', to: 'follow-up', reason: 'cli', at: '2026-11-10T09:00:00.000Z' }));
  const first = await syncAll(store, { client: client(fake), token: TOKEN, now: () => FIRST });
  return { fake, store, first };
}

const phaseOf = (store: PalsStore, id: string): Phase => store.doc.engagements.find((e) => e.id === id)!.phase;

async function changeRule(store: PalsStore): Promise<void> {
  await store.update((doc) => setPhaseLabels(doc, doc.settings.currentRound, 'draft', ['pals/draft', 'sa-in-progress']));
}

describe('a sync reports every card it moves', () => {
  it('lists the first sync’s moves, counting each moved issue once among the updated', async () => {
    const { first } = await sixCards();
    expect(first).toMatchObject({ checked: 6, updated: 6, unchanged: 0, failed: [], error: null });
    expect(first.moved).toEqual([
      { ref: 'e-delta', name: 'Delta', from: 'intake', to: 'meet-greet', because: 'label "pals/meet-greet"' },
      { ref: 'e-epsilon', name: 'Epsilon', from: 'intake', to: 'done', because: 'issue closed' },
      { ref: 'e-zeta', name: 'Zeta', from: 'intake', to: 'review', because: 'label "pals/review"' },
    ]);
  });

  it('after a label rule change, reports the three cards it moved (one skipping two phases) though GitHub answered 304', async () => {
    const { fake, store } = await sixCards();
    await changeRule(store);
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now: () => LATER });
    // Nothing new on GitHub: every issue answered 304.
    expect(fake.requests.slice(-6).every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    expect(report).toMatchObject({ checked: 6, updated: 3, unchanged: 3, failed: [], error: null });
    expect(report.moved).toEqual([
      { ref: 'e-alpha', name: 'Alpha', from: 'intake', to: 'draft', because: BECAUSE },
      { ref: 'e-beta', name: 'Beta', from: 'follow-up', to: 'draft', because: BECAUSE },
      { ref: 'e-gamma', name: 'Gamma', from: 'intake', to: 'draft', because: BECAUSE },
    ]);
    for (const id of ['e-alpha', 'e-beta', 'e-gamma']) expect(phaseOf(store, id)).toBe('draft');
    // The report says what the history says (the one move recorded it).
    const alpha = store.doc.engagements.find((e) => e.id === 'e-alpha')!;
    expect(alpha.history.at(-1)).toMatchObject({ from: 'intake', to: 'draft', reason: 'sync', because: BECAUSE });
    // The app's status chip shows the same count.
    expect(store.doc.settings.lastSync).toMatchObject({ checked: 6, updated: 3, unchanged: 3, failed: 0 });

    const again = await syncAll(store, { client: client(fake), token: TOKEN, now: () => new Date('2026-11-28T10:00:00.000Z') });
    expect(again).toMatchObject({ updated: 0, unchanged: 6, moved: [] });
  });

  it('does not list a card in conflict (moved here since the last sync) or one whose issue failed', async () => {
    const { fake, store } = await sixCards();
    await store.update((doc) => moveCard(doc, { ref: 'e-gamma', to: 'meet-greet', reason: 'board', at: '2026-11-21T09:00:00.000Z' }));
    fake.behaviours.set('o/r#1', { kind: 'status', status: 404 });
    await changeRule(store);
    const report = await syncAll(store, { client: client(fake), token: TOKEN, now: () => LATER });
    expect(report.moved).toEqual([{ ref: 'e-beta', name: 'Beta', from: 'follow-up', to: 'draft', because: BECAUSE }]);
    expect(report.failed).toEqual([{ ref: 'o/r#1', error: expect.stringMatching(/404/) }]);
    expect(report).toMatchObject({ checked: 6, updated: 1, unchanged: 4 });
    expect(phaseOf(store, 'e-alpha')).toBe('intake');
    expect(phaseOf(store, 'e-gamma')).toBe('meet-greet');
    expect(store.doc.engagements.find((e) => e.id === 'e-gamma')!.github!.conflict).toMatchObject({ local: 'meet-greet', remote: 'draft' });
  });

  it('does not list a card another writer moved while its answer was on the way (the save replays into a conflict)', async () => {
    const dir = await tempDir();
    const { fake, store } = await sixCards(dir);
    await changeRule(store);
    fake.holding = true;
    const running = syncAll(store, { client: client(fake), token: TOKEN, now: () => LATER });
    await fake.until(() => fake.requests.length >= 7);
    // The CLI (another process on the same folder) moves Alpha meanwhile.
    const { store: other } = await PalsStore.open(dir);
    await other.update((doc) => moveCard(doc, { ref: 'e-alpha', to: 'meet-greet', reason: 'cli', at: '2026-11-26T09:00:00.000Z' }));
    await other.close();
    fake.release();
    const report = await running;
    expect(report.moved.map((m) => m.ref)).toEqual(['e-beta', 'e-gamma']);
    expect(report).toMatchObject({ updated: 2, unchanged: 4, failed: [] });
    expect(phaseOf(store, 'e-alpha')).toBe('meet-greet');
    expect(store.doc.engagements.find((e) => e.id === 'e-alpha')!.github!.conflict).toMatchObject({ local: 'meet-greet', remote: 'draft' });
    expect(store.doc.settings.lastSync).toMatchObject({ updated: 2 });
  });
});
