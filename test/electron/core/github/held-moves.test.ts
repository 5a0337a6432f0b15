/**
 * Held moves against the fake GitHub (issue 23.3): a move made while write-back was off is not
 * sent when write-back is switched on; the card keeps its phase, the issue its labels, until
 * the coordinator pushes it after seeing it listed.
 */
import { describe, expect, it } from 'vitest';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { heldMoves, pushHeldMoves } from '../../../../shared/github/held.js';
import { setPhaseLabels } from '../../../../shared/github/label-rules.js';
import { setGithubSettings } from '../../../../shared/github/settings.js';
import { moveCard } from '../../../../shared/move.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';

const writes = (fake: Awaited<ReturnType<typeof fakeGithub>>) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

/** `assessment` means draft (the round's own rule); the issue says draft; the card is moved to follow-up while write-back is off. */
async function movedWhileOff() {
  const fake = await fakeGithub();
  const store = await openStore();
  const round = store.doc.settings.currentRound;
  await store.update((doc) => setPhaseLabels(doc, round, 'draft', ['pals/draft', 'assessment']));
  fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['assessment', 'security-pals'] });
  const id = await linked(store, 'Kyverno', 'o/r#1');
  await syncAll(store, { client: client(fake), token: TOKEN });
  expect(store.doc.engagements[0]!.phase).toBe('draft');
  await store.update((doc) => moveCard(doc, { ref: id, to: 'follow-up', reason: 'board', at: new Date().toISOString() }));
  await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
  return { fake, store, id };
}

describe('moves made while write-back was off', () => {
  it('are not sent when write-back is switched on: no label change, the card keeps its phase, listed as held', async () => {
    const { fake, store, id } = await movedWhileOff();
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual([]);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['assessment', 'security-pals']);
    expect(report).toMatchObject({ checked: 1, failed: [], error: null });
    expect(report.held).toEqual([
      { ref: id, name: 'Kyverno', issue: 'o/r#1', round: store.doc.settings.currentRound, local: 'follow-up', remote: 'draft' },
    ]);
    expect(store.doc.engagements[0]!.phase).toBe('follow-up');
    expect(linkOf(store, id)).toMatchObject({ suggestedPhase: 'draft', conflict: null });
    expect(store.doc.outbox).toEqual([]);
    // The next sync neither moves it back nor makes a conflict of it, and still sends nothing.
    const again = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual([]);
    expect(again.held.map((h) => h.ref)).toEqual([id]);
    expect(store.doc.engagements[0]!.phase).toBe('follow-up');
    expect(linkOf(store, id).conflict).toBeNull();
  });

  it('are sent when the coordinator pushes them after the preview, then are no longer held', async () => {
    const { fake, store, id } = await movedWhileOff();
    const preview = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(preview.held.map((h) => [h.local, h.remote])).toEqual([['follow-up', 'draft']]);
    const queued = await store.update((doc) =>
      pushHeldMoves(
        doc,
        preview.held.map((h) => h.ref),
        { [id]: 'wb-held' },
        new Date().toISOString(),
      ),
    );
    expect(queued.map((h) => h.ref)).toEqual([id]);
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    // Asked for, after seeing GitHub says draft: the draft label goes (the discovery label never does).
    expect(writes(fake)).toEqual(['POST /repos/o/r/issues/1/labels', 'DELETE /repos/o/r/issues/1/labels/assessment']);
    expect(fake.issues.get('o/r#1')!.labels.sort()).toEqual(['pals/follow-up', 'security-pals']);
    expect(report.held).toEqual([]);
    expect(store.doc.outbox).toEqual([]);
    expect(linkOf(store, id)).toMatchObject({ suggestedPhase: 'follow-up', conflict: null });
    expect(heldMoves(store.doc)).toEqual([]);
  });

  it('a held card whose issue GitHub moves meanwhile: a pushed move becomes a conflict, nothing is written over it', async () => {
    const { fake, store, id } = await movedWhileOff();
    await syncAll(store, { client: client(fake), token: TOKEN });
    await store.update((doc) => pushHeldMoves(doc, null, { [id]: 'wb-held' }, new Date().toISOString()));
    fake.edit('o/r#1', { labels: ['pals/review', 'security-pals'] });
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual([]);
    expect(store.doc.engagements[0]!.phase).toBe('follow-up');
    expect(linkOf(store, id).conflict).toMatchObject({ local: 'follow-up', remote: 'review' });
  });
});
