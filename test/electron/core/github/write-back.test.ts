/** Write-back through the outbox, against the fake GitHub: sent once, idempotent, never over a remote change. */
import { describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../../electron/core/github/client.js';
import { syncAll } from '../../../../electron/core/github/sync.js';
import { sendLabelChange } from '../../../../electron/core/github/write-back.js';

import { setGithubSettings } from '../../../../shared/github/settings.js';
import { tempDir } from '../../../helpers.js';
import { client, fakeGithub, linked, linkOf, openStore, TOKEN } from './setup.js';
import { moveCard } from '../../../../shared/move.js';

const writes = (fake: Awaited<ReturnType<typeof fakeGithub>>) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

async function synced(labels: string[], dir?: string) {
  const fake = await fakeGithub();
  const store = await openStore(dir);
  await store.update((doc) => setGithubSettings(doc, { writeBack: true }));
  fake.add({ owner: 'o', repo: 'r', number: 1, labels });
  const id = await linked(store, 'Kyverno', 'o/r#1');
  await syncAll(store, { client: client(fake), token: TOKEN });
  return { fake, store, id };
}

describe('write-back', () => {
  it('sets the phase label and removes its siblings on the next sync, then forgets the entry', async () => {
    const { fake, store, id } = await synced(['pals/intake', 'assessment']);
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-one' }),
    );
    expect(store.doc.outbox).toHaveLength(1);
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(report).toMatchObject({ checked: 1, updated: 1, failed: [], error: null });
    expect(writes(fake)).toEqual(['POST /repos/o/r/issues/1/labels', 'DELETE /repos/o/r/issues/1/labels/pals/intake']);
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['assessment', 'pals/meet-greet']);
    expect(store.doc.outbox).toEqual([]);
    const card = store.doc.engagements[0]!;
    expect(card).toMatchObject({
      phase: 'meet-greet',
      github: { labels: ['assessment', 'pals/meet-greet'], suggestedPhase: 'meet-greet', conflict: null },
    });
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toHaveLength(2);
  });

  it('works the labels out when it sends, under the rules then: a queued label diff is never sent (issue 23.3)', async () => {
    const { fake, store, id } = await synced(['pals/intake', 'security-pals', 'assessment', 'needs-review']);
    await store.update((doc) => moveCard(doc, { ref: id, to: 'review', reason: 'board', at: new Date().toISOString(), entryId: 'wb-r' }));
    // A queued entry as format 2 stored it (a label diff naming the discovery label), and the
    // review rule narrowed after the move: only what the rules in force say is sent.
    await store.update((doc) => ({
      doc: {
        ...doc,
        outbox: doc.outbox.map((o) => ({ ...o, setLabel: 'needs-review', removeLabels: ['security-pals', 'assessment', 'pals/intake'] })),
      },
      value: null,
    }));
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(writes(fake)).toEqual(['POST /repos/o/r/issues/1/labels', 'DELETE /repos/o/r/issues/1/labels/pals/intake']);
    expect(fake.issues.get('o/r#1')!.labels.sort()).toEqual(['assessment', 'needs-review', 'pals/review', 'security-pals']);
    expect(store.doc.outbox).toEqual([]);
  });

  it('keeps the change in the persisted outbox while offline and sends it when back', async () => {
    const dir = await tempDir();
    const { fake, store, id } = await synced(['pals/intake'], dir);
    await store.update((doc) => moveCard(doc, { ref: id, to: 'draft', reason: 'board', at: new Date().toISOString(), entryId: 'wb-off' }));
    const offline = createGithubClient({ token: TOKEN, baseUrl: 'http://127.0.0.1:9' });
    const report = await syncAll(store, { client: offline, token: TOKEN });
    expect(report.error).toMatch(/cannot reach GitHub/);
    await store.close();
    const reopened = await openStore(dir);
    expect(reopened.doc.outbox).toMatchObject([{ id: 'wb-off', phase: 'draft' }]);
    await syncAll(reopened, { client: client(fake), token: TOKEN });
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/draft']);
    expect(reopened.doc.outbox).toEqual([]);
  });

  it('sends a move made by `pals move` (the same one move, reason cli) at the next sync', async () => {
    const { fake, store, id } = await synced(['pals/intake']);
    const at = new Date(Date.now() + 1000).toISOString();
    await store.update((doc) => moveCard(doc, { ref: id, to: 'review', reason: 'cli', at, entryId: 'wb-cli' }));
    await syncAll(store, { client: client(fake), token: TOKEN });
    expect(fake.issues.get('o/r#1')!.labels).toEqual(['pals/review']);
  });

  it('never writes over a phase changed on GitHub meanwhile: a conflict instead, the entry waits', async () => {
    const { fake, store, id } = await synced(['pals/intake']);
    fake.edit('o/r#1', { labels: ['pals/review'] });
    await store.update((doc) =>
      moveCard(doc, { ref: id, to: 'meet-greet', reason: 'board', at: new Date().toISOString(), entryId: 'wb-c' }),
    );
    const report = await syncAll(store, { client: client(fake), token: TOKEN });
    expect(report.failed).toEqual([]);
    expect(writes(fake)).toEqual([]);
    expect(linkOf(store, id).conflict).toMatchObject({ local: 'meet-greet', remote: 'review' });
    expect(store.doc.engagements[0]!.phase).toBe('meet-greet');
    expect(store.doc.outbox).toHaveLength(1);
  });

  it('is idempotent: a label already there is not added, a label already gone (404) is fine', async () => {
    const fake = await fakeGithub();
    fake.add({ owner: 'o', repo: 'r', number: 1, labels: ['pals/draft'] });
    const ref = { owner: 'o', repo: 'r', number: 1, kind: 'issue' as const };
    const entry = { setLabel: 'pals/draft', removeLabels: ['pals/intake', 'pals/review'] };
    const labels = await sendLabelChange(
      client(fake),
      ref,
      entry,
      ['pals/draft', 'pals/intake'],
      new AbortController().signal,
      () => undefined,
    );
    expect(labels).toEqual(['pals/draft']);
    expect(writes(fake)).toEqual(['DELETE /repos/o/r/issues/1/labels/pals/intake']);
  });

  it('reports a write-back GitHub refuses, keeps the entry, and still saves the fetched issue', async () => {
    const { fake, store, id } = await synced(['pals/intake']);
    await store.update((doc) => moveCard(doc, { ref: id, to: 'draft', reason: 'board', at: new Date().toISOString(), entryId: 'wb-x' }));
    const refusing: typeof fetch = (input, init) =>
      init?.method === 'POST'
        ? Promise.resolve(
            new Response('{"message":"Resource not accessible by integration"}', {
              status: 403,
              headers: { 'content-type': 'application/json' },
            }),
          )
        : fetch(input, init);
    const report = await syncAll(store, { client: client(fake, { fetch: refusing }), token: TOKEN });
    expect(report.failed).toEqual([
      {
        ref: 'o/r#1',
        error:
          'the token may not change labels on o/r#1: give it write access to issues (classic token: the `repo` scope; fine-grained: Issues read and write); the change stays queued for the next sync',
      },
    ]);
    expect(store.doc.outbox).toMatchObject([{ id: 'wb-x', attempts: 1 }]);
    expect(linkOf(store, id).error).toBeNull();
  });
});
