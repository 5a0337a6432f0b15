/** The round calls of the UI contract (issue 13), through the core's dispatch as the app makes them. */
import { describe, expect, it } from 'vitest';
import type { BoardChange, BoardSnapshot } from '../../../shared/api.js';
import type { Insight } from '../../../shared/insight.js';
import type { Round, Settings } from '../../../shared/schema.js';
import type { EngagementView } from '../../../shared/view.js';
import { createCore } from '../../../electron/core/open-core.js';
import { PalsStore } from '../../../electron/core/store/store.js';
import { tempDir } from '../../helpers.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function core() {
  const { store } = await PalsStore.open(await tempDir());
  const handlers = createCore(store, { today: () => '2026-05-10', now: () => new Date('2026-05-10T15:00:00.000Z') });
  const changes: BoardChange[] = [];
  handlers.on((e) => {
    if (e.event === 'boardChanged') changes.push(e.payload);
  });
  const call = async <T = unknown>(name: string, args: unknown = {}): Promise<T> => {
    const res = await handlers.dispatch(name, args);
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}${res.error.field ? ` [${res.error.field}]` : ''}`);
    return res.value as T;
  };
  const board = async () => call<BoardSnapshot>('getBoard');
  const kyv = await call<EngagementView>('addEngagement', { name: 'Kyverno', kickoff: '2026-03-01', pals: ['Ana'] });
  return { store, call, board, changes, id: kyv.id };
}

describe('round calls', () => {
  it("answers a round without its pictures' bytes (they stay in the store)", async () => {
    const { call, store } = await core();
    // The 8-byte PNG signature and a little more: the smallest picture the core accepts as a PNG.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
    await call('addDeckImage', { id: 'default', image: { base64: png, title: 'Us', alt: 'the team' } });
    const images = (r: Round) => r.deck.slides.flatMap((s) => (s.kind === 'image' ? [s.image.base64] : []));
    const edited = await call<Round>('editRound', { id: 'default', name: 'Round one' });
    expect(images(edited)).toEqual(['']);
    await call<Round>('addRound', { name: 'Round 2', like: 'default' }); // windows and rules, not slides
    const github = await call<{ rounds: Round[] }>('setGithubSettings', { writeBack: false });
    expect(github.rounds.flatMap(images)).toEqual(['']);
    expect(images(store.doc.rounds[0]!)).toEqual([png]);
  });

  it('addRound, editRound, useRound, removeRound answer what the contract says', async () => {
    const { call, board } = await core();
    const r2 = await call<Round>('addRound', { name: 'Round 2', windows: { draft: { start: 5, end: 6 } }, carryOver: true, use: true });
    expect(r2).toMatchObject({ id: 'round-2', name: 'Round 2', benefits: [], nextSteps: [], takeaways: [] });
    expect(r2.windows.draft).toEqual({ start: 5, end: 6 });
    let snap = await board();
    expect(snap.settings.currentRound).toBe('round-2');
    expect(snap.engagements[0]!.round).toBe('round-2');
    const edited = await call<Round>('editRound', {
      id: 'Round 2',
      name: 'Second round',
      criteriaWeights: { sponsor: 5 },
      benefits: ['A'],
      nextSteps: ['B'],
      takeaways: ['C'],
    });
    expect(edited).toMatchObject({ name: 'Second round', benefits: ['A'], nextSteps: ['B'], takeaways: ['C'] });
    expect(edited.criteriaWeights.sponsor).toBe(5);
    expect(await call<{ settings: Settings }>('useRound', { id: 'default' })).toMatchObject({ settings: { currentRound: 'default' } });
    await expect(call('removeRound', { id: 'round-2' })).rejects.toThrow(/holds 1 engagement; say which round/);
    expect(await call('removeRound', { id: 'round-2', moveTo: 'default' })).toEqual({ id: 'round-2' });
    snap = await board();
    expect(snap.rounds.map((r) => r.id)).toEqual(['default']);
    expect(snap.engagements[0]!.round).toBe('default');
  });

  it('refuses bad arguments with a field, changing nothing', async () => {
    const { call, board } = await core();
    const before = JSON.stringify(await board());
    await expect(call('addRound', { name: '' })).rejects.toThrow(/invalid-input: name: must not be empty/);
    await expect(call('addRound', { name: 'X', windows: { deploy: { start: 1, end: 1 } } })).rejects.toThrow(/invalid-input/);
    await expect(call('addRound', { name: 'X', windows: { draft: { start: 2, end: 3 } } })).rejects.toThrow(/overlaps .*\[windows\]/);
    await expect(call('editRound', { id: 'default', criteriaWeights: { sponsor: 11 } })).rejects.toThrow(/invalid-input/);
    await expect(call('useRound', { id: 'nope' })).rejects.toThrow(/not-found: no round is called "nope"/);
    await expect(call('removeRound', { id: 'default' })).rejects.toThrow(/the only round/);
    expect(JSON.stringify(await board())).toBe(before);
  });

  it('moveEngagement takes an optional day; editHistory replaces the history', async () => {
    const { call, id } = await core();
    const moved = await call<EngagementView>('moveEngagement', { id, phase: 'meet-greet', on: '2026-03-02' });
    expect(moved.history.at(-1)).toMatchObject({ from: 'intake', to: 'meet-greet', at: '2026-03-02T12:00:00.000Z' });
    await expect(call('moveEngagement', { id, phase: 'draft', on: '2026-05-11' })).rejects.toThrow(/after today.*\[on\]/);
    const edited = await call<EngagementView>('editHistory', {
      id,
      history: [
        { to: 'intake', on: '2026-02-20' },
        { to: 'meet-greet', on: '2026-03-02' },
        { to: 'draft', on: '2026-04-01' },
      ],
    });
    expect(edited.phase).toBe('draft');
    expect(edited.history.map((h) => [h.from, h.to, h.at.slice(0, 10)])).toEqual([
      [null, 'intake', '2026-02-20'],
      ['intake', 'meet-greet', '2026-03-02'],
      ['meet-greet', 'draft', '2026-04-01'],
    ]);
    expect(edited.due.phase).toBe('draft');
    await expect(
      call('editHistory', {
        id,
        history: [
          { to: 'intake', on: '2026-04-02' },
          { to: 'draft', on: '2026-04-01' },
        ],
      }),
    ).rejects.toThrow(/before the step above it/);
    await expect(call('editHistory', { id, history: [] })).rejects.toThrow(/invalid-input/);
    expect((await call<EngagementView>('getEngagement', { id })).phase).toBe('draft');
  });

  it('editEngagement moves rounds and sets criteria; cards carry score and criteria', async () => {
    const { call, board, id } = await core();
    await call('addRound', { name: 'Round 2' });
    const e = await call<EngagementView>('editEngagement', {
      id,
      patch: { round: 'round 2', criteria: { security: 'none', priority: 5 } },
    });
    expect(e).toMatchObject({
      round: 'round-2',
      roundMoves: [{ from: 'default', to: 'round-2' }],
      criteria: { security: 'none', priority: 5 },
    });
    expect(e.score).toBe(80);
    expect((await board()).engagements[0]).toMatchObject({ score: 80, criteria: { security: 'none', priority: 5 } });
  });

  it('a round change reloads pages (due dates depend on it); a round move is a card change', async () => {
    const { call, changes, id } = await core();
    await call('addRound', { name: 'Round 2' });
    await tick();
    expect(changes.at(-1)!.kind).toBe('reload');
    await call('editEngagement', { id, patch: { round: 'round-2' } });
    await tick();
    const last = changes.at(-1)!;
    expect(last.kind).toBe('cards');
    if (last.kind === 'cards') expect(last.cards[0]).toMatchObject({ id, round: 'round-2' });
  });

  it('getInsight answers per round and pal figures, narrowed by round id or name', async () => {
    const { call, id } = await core();
    await call('moveEngagement', { id, phase: 'done', on: '2026-04-01' });
    await call('addRound', { name: 'Round 2', use: true });
    await call('addEngagement', { name: 'Dapr', pals: ['Ana'] });
    const all = await call<Insight>('getInsight');
    expect(all.rounds.map((r) => [r.id, r.engagements, r.done, r.onTime, r.current])).toEqual([
      ['default', 1, 1, 1, false],
      ['round-2', 1, 0, null, true],
    ]);
    expect(all.pals).toEqual([{ pal: 'Ana', rounds: { default: 1, 'round-2': 1 }, total: 2 }]);
    expect((await call<Insight>('getInsight', { round: 'ROUND 2' })).rounds.map((r) => r.id)).toEqual(['round-2']);
    await expect(call('getInsight', { round: 'nope' })).rejects.toThrow(/no round is called/);
  });
});
