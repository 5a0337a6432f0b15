import { describe, expect, it } from 'vitest';
import { changedFields, newEngagementInput, valuesOf, BLANK_VALUES } from '../../renderer/src/forms/engagement-values.js';
import { failureField, serverErrors } from '../../renderer/src/forms/field-errors.js';
import { withChange, withPendingMoves, withPhase, withoutCards } from '../../renderer/src/store/board-updates.js';
import { createAppStore } from '../../renderer/src/store/create-store.js';
import { matches, selectColumnCards, selectPalOptions } from '../../renderer/src/store/selectors.js';
import { NO_FILTERS } from '../../renderer/src/store/ui-slice.js';
import { createFakeApi } from './fake-api.js';
import { seededDoc } from './seeded-doc.js';

async function loadedStore() {
  const api = createFakeApi(
    seededDoc([
      { name: 'Kyverno', kickoff: '2026-01-05', phase: 'draft', pals: ['Ana'] },
      { name: 'Argo', pals: ['Ben', 'Ana'], maturity: 'graduated' },
    ]),
  );
  const store = createAppStore(api);
  await store.getState().load();
  return { api, store, board: store.getState().board! };
}

describe('board updates', () => {
  it('recompute the due state when a card changes phase, as the core would', async () => {
    const { board } = await loadedStore();
    expect(board.engagements[0]!.due).toEqual({ phase: 'draft', windowEnd: '2026-03-02', state: 'due-soon' });
    const moved = withPhase(board, 'eng-1', 'review');
    expect(moved.engagements[0]!.due).toEqual({ phase: 'review', windowEnd: '2026-04-27', state: 'on-track' });
    expect(withPhase(board, 'eng-1', 'done').engagements[0]!.due.state).toBe('none');
    expect(withPhase(board, 'missing', 'done')).toBe(board);
  });

  it('lay moves still in flight over a fresh snapshot, and add or drop cards', async () => {
    const { board } = await loadedStore();
    expect(withPendingMoves(board, { 'eng-2': 'follow-up' }).engagements.map((e) => e.phase)).toEqual(['draft', 'follow-up']);
    expect(withoutCards(board, ['eng-1']).engagements.map((e) => e.id)).toEqual(['eng-2']);
  });

  it('apply a change event: changed cards in place, new ones last, removed ones gone, settings when sent', async () => {
    const { board } = await loadedStore();
    const [kyverno, argo] = board.engagements;
    const renamed = { ...argo!, name: 'Argo CD' };
    const added = { ...kyverno!, id: 'eng-9', name: 'Falco' };
    const settings = { ...board.settings, dueSoonDays: 3 };
    const next = withChange(board, {
      origin: 'local',
      seq: 1,
      calls: [],
      unattributed: true,
      kind: 'cards',
      cards: [added, renamed],
      removed: ['eng-1'],
      settings,
    });
    expect(next.engagements.map((e) => e.name)).toEqual(['Argo CD', 'Falco']);
    expect(next.settings.dueSoonDays).toBe(3);
    expect(
      withChange(board, { origin: 'local', seq: 1, calls: [], unattributed: true, kind: 'cards', cards: [renamed], removed: [] })
        .engagements[0],
    ).toBe(kyverno);
  });
});

describe('selectors', () => {
  it('filter by name (ignoring case and spacing), pal, maturity and due state', async () => {
    const { board, store } = await loadedStore();
    const [kyverno, argo] = board.engagements;
    expect(matches(kyverno!, '  kyv ', NO_FILTERS)).toBe(true);
    expect(matches(argo!, '', { ...NO_FILTERS, pal: 'Ana', maturity: 'graduated' })).toBe(true);
    expect(matches(argo!, '', { ...NO_FILTERS, due: 'overdue' })).toBe(false);
    expect(selectPalOptions(store.getState())).toEqual(['Ana', 'Ben']);
    store.getState().setFilter('pal', 'Ben');
    expect(selectColumnCards('intake')(store.getState()).map((e) => e.name)).toEqual(['Argo']);
    expect(selectColumnCards('draft')(store.getState())).toEqual([]);
  });
});

describe('the board slice', () => {
  it('coalesces a burst of change events into few loads', async () => {
    const { api, store } = await loadedStore();
    const before = api.callsOf('getBoard').length;
    await Promise.all([store.getState().load(), store.getState().load(), store.getState().load()]);
    expect(api.callsOf('getBoard').length - before).toBe(2);
  });

  it('turns a transport that throws into a visible error instead of an unhandled rejection', async () => {
    const { api, store } = await loadedStore();
    Object.assign(api, { moveEngagement: () => Promise.reject(new Error('IPC channel closed')) });
    expect(await store.getState().move('eng-1', 'done')).toBe(false);
    expect(store.getState().board!.engagements[0]!.phase).toBe('draft');
    expect(store.getState().toasts.map((t) => t.text)).toEqual([
      'Could not move Kyverno to Done: the core did not answer (IPC channel closed); the change was not made',
    ]);
  });
});

describe('form values', () => {
  it('turn the New engagement form into the contract input', () => {
    const input = newEngagementInput({ ...BLANK_VALUES, name: ' Falco ', pals: ' a,,b ', repo: ' ', issue: 'x/y#1' });
    expect(input).toEqual({ name: 'Falco', maturity: 'sandbox', repo: null, kickoff: null, pals: ['a', 'b'], issue: 'x/y#1' });
  });

  it('send only the fields that changed', async () => {
    const { api } = await loadedStore();
    const record = await api.getEngagement({ id: 'eng-2' });
    const before = valuesOf(record.ok ? record.value : (undefined as never));
    expect(changedFields(before, before)).toEqual({});
    expect(changedFields(before, { ...before, pals: 'Ben,Ana', selection: 'TOC input' })).toEqual({ selection: 'TOC input' });
    expect(changedFields(before, { ...before, pals: ' Ben , , Ana ', kickoff: '2026-05-01' })).toEqual({ kickoff: '2026-05-01' });
  });

  it('place core errors beside the field they name', () => {
    const fields = ['name', 'pals'];
    expect(failureField({ code: 'invalid-input', message: 'x', field: 'patch.pals.0' }, fields)).toBe('pals');
    expect(failureField({ code: 'duplicate', message: 'x' }, fields)).toBe('name');
    expect(serverErrors({ code: 'invalid-input', message: 'patch.name: must not be empty', field: 'patch.name' }, fields)).toEqual({
      fields: { name: 'must not be empty' },
      form: null,
    });
    expect(serverErrors({ code: 'store-locked', message: 'busy' }, fields)).toEqual({ fields: {}, form: 'busy' });
  });
});
